#include "domain/checkin.hpp"

namespace stridecare::domain {

std::string where(Site site, Side side, std::optional<Region> region) {
  std::string out = side == Side::both ? "both " + std::string(name_of(site)) + "s"
                                       : std::string(name_of(side)) + " " + std::string(name_of(site));
  if (region) out += " (" + std::string(name_of(*region)) + ")";
  return out;
}

}  // namespace stridecare::domain
