// The output boundary of JSON documents: whole numbers as integers, other
// numbers rounded per field (docs/json.md), and the error document.

#include "services/json_output.hpp"

#include <gtest/gtest.h>

namespace stridecare::services {
namespace {

TEST(NormaliseNumbers, WritesWholeNumbersAsIntegersAndRoundsByField) {
  Json doc = {{"pain", 4.0},
              {"weekly_run_km", 12.3456789},
              {"acwr_ewma", 0.9999999999999993},
              {"monotony", 1.23456},
              {"duration_s", 2712.04},
              {"load_kg", 40 * 0.45359237},
              {"strain", -0.04},
              {"lat_deg",
               [] {
                 Json a = Json::array();
                 a.push_back(51.500729212);
                 a.push_back(2.0);
                 return a;
               }()},
              {"nested", {{"value", 1.0006}, {"sets", 3}}},
              {"note", "4.0"}};
  const std::string text = document_text(doc);
  EXPECT_EQ(text,
            R"({"pain":4,"weekly_run_km":12.34568,"acwr_ewma":1,"monotony":1.235,"duration_s":2712,"load_kg":18.1,)"
            R"("strain":0,"lat_deg":[51.5007292,2],"nested":{"value":1.001,"sets":3},"note":"4.0"})"
            "\n");
}

TEST(NormaliseNumbers, PrecisionTableMatchesTheDocumentedOne) {
  struct Case {
    const char* name;
    int decimals;
  };
  for (const Case& c : std::vector<Case>{{"distance_km", 5},
                                         {"distance_m", 2},
                                         {"duration_s", 1},
                                         {"seconds", 1},
                                         {"load_kg", 1},
                                         {"impact_load", 1},
                                         {"strain", 1},
                                         {"lat_deg", 7},
                                         {"avg_heart_rate_bpm", 0},
                                         {"acwr_rolling", 3},
                                         {"hazard_ratio", 3}}) {
    EXPECT_EQ(json_decimals(c.name), c.decimals) << c.name;
  }
}

TEST(ErrorDocument, HasTheHttpApisShape) {
  EXPECT_EQ(to_json(domain::Error{domain::ErrorKind::refused, "", "refused"}).dump(),
            R"({"error":{"code":"refused_by_action","message":"refused","field":null}})");
  EXPECT_EQ(to_json(domain::Error{domain::ErrorKind::not_found, "--id", "no entry 9"}).dump(),
            R"({"error":{"code":"not_found","message":"no entry 9","field":"--id"}})");
}

}  // namespace
}  // namespace stridecare::services
