// libFuzzer target: the GPX and TCX parsers. Any bytes parse to a recording with
// at least one session, or fail with an invalid_file error naming the file;
// the single entry point (parse_xml_activity, copying and in place) agrees with
// the parser of the format it dispatched to; a parse in slices, when it does
// not decline, equals the whole-document parse field by field; any prefix of a
// file that parses whole gives a prefix of its points (the same times and
// positions, never more) or an invalid_file error: a truncated file keeps the
// points before the cut.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "importers/xml/activity_root.hpp"
#include "importers/xml/gpx.hpp"
#include "importers/xml/slices.hpp"
#include "importers/xml/tcx.hpp"
#include "importers/xml/xml_activity.hpp"

using namespace stridecare;

namespace {
void check(const domain::Expected<importers::Recording>& r) {
  if (r && r->sessions.empty()) std::abort();
  if (!r && (r.error().kind != domain::ErrorKind::invalid_file || r.error().message.rfind("fuzz: ", 0) != 0))
    std::abort();
}

std::size_t samples(const importers::Recording& r) {
  std::size_t n = 0;
  for (const auto& s : r.sessions) n += s.samples.size();
  return n;
}

std::vector<importers::Sample> points_of(const importers::Recording& r) {
  std::vector<importers::Sample> out;
  for (const auto& s : r.sessions) out.insert(out.end(), s.samples.begin(), s.samples.end());
  return out;
}

/// `text[0, cut)` parses to a prefix of `whole`'s points, or fails cleanly.
void check_prefix(std::string_view text, std::size_t cut, const importers::Recording& whole) {
  const auto r = importers::parse_xml_activity(text.substr(0, cut), "fuzz");
  check(r);
  if (!r) return;
  const auto all = points_of(whole);
  const auto kept = points_of(*r);
  if (kept.size() > all.size()) std::abort();
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (kept[i].time != all[i].time || kept[i].latitude_deg != all[i].latitude_deg ||
        kept[i].longitude_deg != all[i].longitude_deg || kept[i].altitude_m != all[i].altitude_m ||
        kept[i].distance_m != all[i].distance_m) {
      std::abort();
    }
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto gpx = importers::parse_gpx(text, "fuzz");
  const auto tcx = importers::parse_tcx(text, "fuzz");
  check(gpx);
  check(tcx);

  std::string buffer(text);
  const auto any = importers::parse_xml_activity_in_place(buffer, "fuzz");
  check(any);
  // The root element decides the format: no file is both, and the single entry
  // point accepts exactly what one of the two accepts, with the same result.
  if (gpx && tcx) std::abort();
  if (any.has_value() != (gpx.has_value() || tcx.has_value())) std::abort();
  if (any) {
    const auto& same = gpx ? *gpx : *tcx;
    if (any->format != same.format || samples(*any) != samples(same) || any->warnings != same.warnings) std::abort();
  }
  // Truncation: three cuts, one of them chosen by the input's last byte.
  if (any && size > 1) {
    for (const std::size_t cut : {size / 3, 2 * size / 3, 1 + std::size_t{data[size - 1]} * (size - 1) / 256}) {
      check_prefix(text, cut, *any);
    }
  }
  // Slices of every size down to one byte: cuts after every track point.
  for (const std::size_t slice_bytes : {std::size_t{1}, std::size_t{64}}) {
    const auto sliced =
        importers::xml::parse_in_slices(text, "fuzz", importers::xml::Accept::gpx_or_tcx, slice_bytes, 0);
    if (!sliced) continue;
    if (!any || !sliced->has_value() || !(**sliced == *any)) std::abort();
  }
  return 0;
}
