#pragma once
/// The fixture of the Store contract tests: each test runs against every
/// Store implementation (a test suite derives from StoreContract and is
/// instantiated with `store_kinds()`).

#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "storage/memory_store.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "storage/store.hpp"
#include "store_test_support.hpp"

namespace stridecare::storage::testing {

using domain::Activity;
using domain::Id;
using domain::PainCheckin;

struct StoreKind {
  std::string name;
  std::function<std::unique_ptr<Store>(const std::filesystem::path& file)> make;
};

inline void PrintTo(const StoreKind& kind, std::ostream* os) { *os << kind.name; }

class StoreContract : public ::testing::TestWithParam<StoreKind> {
 protected:
  void SetUp() override {
    store_ = GetParam().make(dir_.path() / "stridecare.db");
    ASSERT_NE(store_, nullptr);
  }

  Id add(const Activity& a) {
    auto id = store_->add_activity(a);
    EXPECT_TRUE(id.has_value()) << (id ? "" : id.error().message);
    return id.value_or(0);
  }
  Id add(const PainCheckin& c) {
    auto id = store_->add_checkin(c);
    EXPECT_TRUE(id.has_value()) << (id ? "" : id.error().message);
    return id.value_or(0);
  }
  std::vector<Activity> activities(const domain::DateRange& range = {}) {
    auto list = store_->list_activities(range);
    EXPECT_TRUE(list.has_value()) << (list ? "" : list.error().message);
    return list.value_or(std::vector<Activity>{});
  }
  std::vector<PainCheckin> checkins(const domain::DateRange& range = {}) {
    auto list = store_->list_checkins(range);
    EXPECT_TRUE(list.has_value()) << (list ? "" : list.error().message);
    return list.value_or(std::vector<PainCheckin>{});
  }
  static std::vector<Id> ids_of(const auto& entries) {
    std::vector<Id> out;
    for (const auto& e : entries) out.push_back(e.id);
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

inline std::vector<StoreKind> store_kinds() {
  return {
      StoreKind{"Memory",
                [](const std::filesystem::path&) -> std::unique_ptr<Store> { return std::make_unique<MemoryStore>(); }},
      StoreKind{"Sqlite", [](const std::filesystem::path& file) -> std::unique_ptr<Store> {
                  auto store = SqliteStore::open(file);
                  EXPECT_TRUE(store.has_value()) << (store ? "" : store.error().message);
                  if (!store) return nullptr;
                  return std::move(*store);
                }}};
}

inline std::string store_kind_name(const ::testing::TestParamInfo<StoreKind>& kind) { return kind.param.name; }

}  // namespace stridecare::storage::testing
