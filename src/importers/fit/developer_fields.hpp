#pragma once
/// Developer data fields (FIT protocol, "Developer Data"): fields an app (Connect IQ, Stryd, a
/// rowing monitor...) adds to standard messages. A `developer_data_id` message (207) registers
/// the app under an index; each `field_description` (206) of that index says what one developer
/// field is: base type, name, units, scale/offset, and optionally the native field it stands for.
/// A developer field is decoded by its description; one without a description is skipped by its
/// size (the reader already steps over it). As in the FIT SDK, descriptions are kept across
/// chained files, and a description whose index has no `developer_data_id` yet is ignored.
///
/// `native_field_num` policy: a developer field whose description names a native field
/// (`native_mesg_num` + `native_field_num`) of a record, lap or session fills the value stridecare
/// reads from that native field only when the message itself gives none (the native field absent
/// or invalid). A native value is never replaced, not even a 0: the decoder reports what the file's
/// own fields say, as every other decoder does, and an app's value only completes a message whose
/// device left the field out (e.g. the speed of a rowing monitor's records). Of two developer
/// fields naming the same native field, the one described first wins; for speed and altitude the
/// one naming the enhanced field goes before the one naming the plain field, as the native fields
/// do. Filled are the numeric values a Sample, Lap or SessionRecord holds (positions are not:
/// they come in pairs). On import only, a session distance that is absent or 0 is taken from a
/// developer field identified by its name and units (mapping/developer_distance.hpp).

#include <cstdint>
#include <optional>
#include <vector>

#include "importers/fit/reader.hpp"
#include "importers/recording.hpp"

namespace stridecare::importers::fit {

/// A description with what decoding needs besides what `DeveloperField` shows.
struct DeveloperFieldDescription {
  DeveloperField field;
  std::uint8_t base_type = 0;  ///< the FIT base-type byte
  double scale = 1;
  double offset = 0;
};

/// A developer field of a message that names a native field, with its decoded value.
struct NativeFill {
  const DeveloperFieldDescription* description = nullptr;  ///< orders fills (description order)
  std::uint8_t native_field = 0;
  double value = 0;
};

class DeveloperFields {
 public:
  /// A `developer_data_id` message: registers its index (again: its old descriptions go).
  void developer_data_id(const MessageView& m);
  /// A `field_description` message.
  void field_description(const MessageView& m);

  const DeveloperFieldDescription* find(std::uint8_t developer_index, std::uint8_t number) const;

  /// The values of the developer fields of `m` that stand for a native field of message
  /// `native_message`, in description order, into `out` (cleared first; empty when the message has
  /// none). An out-parameter so that the record path, which asks for every record, reuses one buffer.
  void native_fills(const MessageView& m, std::uint16_t native_message, std::vector<NativeFill>& out) const;

  /// Every described developer field of `m`, decoded.
  std::vector<DeveloperValue> values(const MessageView& m) const;

  /// Every description seen, in file order.
  const std::vector<DeveloperField>& described() const { return seen_; }

 private:
  std::optional<double> value(const MessageView& m, const DeveloperFieldDefinition& d,
                              const DeveloperFieldDescription& desc) const;

  std::vector<std::uint8_t> registered_;  ///< developer data indexes with a developer_data_id
  std::vector<DeveloperFieldDescription> descriptions_;
  std::vector<DeveloperField> seen_;  ///< every accepted description, replaced ones included
};

}  // namespace stridecare::importers::fit
