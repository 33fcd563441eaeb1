#include "importers/fit/developer_fields.hpp"

#include <algorithm>
#include <functional>

#include "importers/fit/profile.hpp"

namespace stridecare::importers::fit {
namespace {

namespace fd = profile::field_description;

/// The developer field's bytes read as the base type its description names.
FieldDefinition as_field(const DeveloperFieldDefinition& d, const DeveloperFieldDescription& desc) {
  return FieldDefinition::of(d.number, d.size, desc.base_type, d.offset);
}

bool is_string(std::uint8_t base_type) {
  return (base_type & kBaseTypeNumberMask) == static_cast<std::uint8_t>(BaseType::string);
}

}  // namespace

void DeveloperFields::developer_data_id(const MessageView& m) {
  const auto index = m.integer(profile::developer_data_id::kDeveloperDataIndex);
  if (!index) return;
  const auto i = static_cast<std::uint8_t>(*index);
  std::erase_if(descriptions_, [&](const DeveloperFieldDescription& d) { return d.field.developer_index == i; });
  if (std::find(registered_.begin(), registered_.end(), i) == registered_.end()) registered_.push_back(i);
}

void DeveloperFields::field_description(const MessageView& m) {
  const auto index = m.integer(fd::kDeveloperDataIndex);
  const auto number = m.integer(fd::kFieldDefinitionNumber);
  const auto base_type = m.integer(fd::kFitBaseTypeId);
  if (!index || !number || !base_type) return;
  if (std::find(registered_.begin(), registered_.end(), *index) == registered_.end()) return;
  DeveloperFieldDescription d;
  d.field.developer_index = static_cast<std::uint8_t>(*index);
  d.field.number = static_cast<std::uint8_t>(*number);
  d.field.name = m.text(fd::kFieldName).value_or("");
  d.field.units = m.text(fd::kUnits).value_or("");
  d.field.native_message =
      m.integer(fd::kNativeMesgNum).transform([](std::int64_t v) { return static_cast<std::uint16_t>(v); });
  d.field.native_field =
      m.integer(fd::kNativeFieldNum).transform([](std::int64_t v) { return static_cast<std::uint8_t>(v); });
  d.base_type = static_cast<std::uint8_t>(*base_type);
  // A scale of 0 would divide by zero: the profile's default (1) applies, as for an absent scale.
  if (const auto scale = m.integer(fd::kScale); scale && *scale != 0) d.scale = static_cast<double>(*scale);
  if (const auto offset = m.integer(fd::kOffset)) d.offset = static_cast<double>(*offset);
  seen_.push_back(d.field);
  descriptions_.push_back(std::move(d));
}

const DeveloperFieldDescription* DeveloperFields::find(std::uint8_t developer_index, std::uint8_t number) const {
  // The first description of a field counts (the FIT SDK looks them up the same way); an app
  // describes a handful of fields, so a scan is cheaper than any index.
  for (const auto& d : descriptions_) {
    if (d.field.developer_index == developer_index && d.field.number == number) return &d;
  }
  return nullptr;
}

std::optional<double> DeveloperFields::value(const MessageView& m, const DeveloperFieldDefinition& d,
                                             const DeveloperFieldDescription& desc) const {
  const auto raw = m.number(as_field(d, desc));
  if (!raw) return std::nullopt;
  return *raw / desc.scale - desc.offset;
}

void DeveloperFields::native_fills(const MessageView& m, std::uint16_t native_message,
                                   std::vector<NativeFill>& out) const {
  out.clear();
  for (const auto& d : m.definition().developer_fields) {
    const DeveloperFieldDescription* desc = find(d.developer_index, d.number);
    if (!desc || desc->field.native_message != native_message || !desc->field.native_field) continue;
    const auto v = value(m, d, *desc);
    if (!v) continue;
    // Description order, not the message's field order, decides between two fields naming the same
    // native field: the order the SDK keys developer fields by. Inserted after its equals (stable);
    // a message has a handful of developer fields.
    const auto at = std::upper_bound(
        out.begin(), out.end(), desc,
        [](const DeveloperFieldDescription* x, const NativeFill& f) { return std::less<>{}(x, f.description); });
    out.insert(at, NativeFill{desc, *desc->field.native_field, *v});
  }
}

std::vector<DeveloperValue> DeveloperFields::values(const MessageView& m) const {
  std::vector<DeveloperValue> out;
  for (const auto& d : m.definition().developer_fields) {
    const DeveloperFieldDescription* desc = find(d.developer_index, d.number);
    if (!desc) continue;
    DeveloperValue v{desc->field.name, desc->field.units, std::nullopt, std::nullopt};
    if (is_string(desc->base_type)) {
      v.text = m.text(as_field(d, *desc));
    } else {
      v.number = value(m, d, *desc);
    }
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace stridecare::importers::fit
