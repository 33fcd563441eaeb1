#include "importers/xml/xml_document.hpp"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "importers/xml/namespaces.hpp"
#include "xml_test_support.hpp"

namespace stridecare::importers::xml {
namespace {

using testing_support::utf16;

::testing::AssertionResult fails_with(const domain::Expected<SourceMap>& result, std::string_view message) {
  if (result) return ::testing::AssertionFailure() << "accepted; expected \"" << message << "\"";
  if (result.error().kind != domain::ErrorKind::invalid_file || result.error().field != "f.xml") {
    return ::testing::AssertionFailure() << "wrong kind or field: " << result.error().message;
  }
  if (result.error().message != message) return ::testing::AssertionFailure() << result.error().message;
  return ::testing::AssertionSuccess();
}

TEST(LoadXml, RejectsAnEmptyFile) {
  pugi::xml_document doc;
  EXPECT_TRUE(fails_with(load_xml(doc, "", "f.xml"), "f.xml: empty file"));
}

TEST(LoadXml, RejectsTextThatIsNotXmlWithTheByteOffset) {
  pugi::xml_document doc;
  EXPECT_TRUE(fails_with(load_xml(doc, "garbage", "f.xml"), "f.xml: not XML: no document element found at byte 7"));
  EXPECT_TRUE(fails_with(load_xml(doc, "   \n", "f.xml"), "f.xml: not XML: no document element found at byte 4"));
  EXPECT_TRUE(
      fails_with(load_xml(doc, "<a b=1/>", "f.xml"), "f.xml: not XML: error parsing element attribute at byte 5"));
}

TEST(LoadXml, RejectsTruncatedXmlAtTheByteWhereItBreaks) {
  pugi::xml_document doc;
  EXPECT_TRUE(fails_with(load_xml(doc, "<a><b></a>", "f.xml"), "f.xml: not XML: start-end tags mismatch at byte 8"));
  EXPECT_TRUE(fails_with(load_xml(doc, "<a><b>", "f.xml"), "f.xml: not XML: start-end tags mismatch at byte 5"));
}

TEST(LoadXml, RejectsASecondRootElement) {
  pugi::xml_document doc;
  EXPECT_TRUE(fails_with(load_xml(doc, "<a/>\n<a/>", "f.xml"), "f.xml: not XML: a second root element <a> at byte 5"));
}

TEST(LoadXml, SkipsWhitespaceBeforeTheDeclarationAndCountsItInOffsets) {
  pugi::xml_document doc;
  EXPECT_TRUE(load_xml(doc, "\n\n  <?xml version=\"1.0\"?><a/>", "f.xml").has_value());
  EXPECT_STREQ(doc.document_element().name(), "a");
  EXPECT_TRUE(
      fails_with(load_xml(doc, "\n\n  <a><b></a>", "f.xml"), "f.xml: not XML: start-end tags mismatch at byte 12"));
}

TEST(LoadXml, AcceptsAUtf8BomAndCountsItInOffsets) {
  pugi::xml_document doc;
  EXPECT_TRUE(load_xml(doc, "\xEF\xBB\xBF<?xml version=\"1.0\"?><a>\xC3\xA9</a>", "f.xml").has_value());
  EXPECT_STREQ(doc.document_element().child_value(), "\xC3\xA9");
  EXPECT_TRUE(fails_with(load_xml(doc, "\xEF\xBB\xBF <a><b></a>", "f.xml"),
                         "f.xml: not XML: start-end tags mismatch at byte 12"));
}

TEST(LoadXml, ReadsUtf16WithBomInBothByteOrders) {
  for (bool big_endian : {false, true}) {
    pugi::xml_document doc;
    const std::string bytes =
        utf16(u" <?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<a>\u00E9\U0001F600</a>", big_endian);
    ASSERT_TRUE(load_xml(doc, bytes, "f.xml").has_value()) << big_endian;
    EXPECT_STREQ(doc.document_element().child_value(), "\xC3\xA9\xF0\x9F\x98\x80") << big_endian;
  }
}

TEST(LoadXml, ReadsUtf16WithoutBomWhenItStartsWithTheDeclaration) {
  pugi::xml_document doc;
  const std::string bytes = utf16(u"<?xml version=\"1.0\"?><a>x</a>", false, false);
  ASSERT_TRUE(load_xml(doc, bytes, "f.xml").has_value());
  EXPECT_STREQ(doc.document_element().child_value(), "x");
}

TEST(LoadXml, GivesUtf16ErrorOffsetsInBytesOfTheFile) {
  pugi::xml_document doc;
  // BOM (2 bytes) + "<a>é😀<b></a>": the mismatch is at "a" of "</a>", unit 11 (😀 takes two units).
  const std::string bytes = utf16(u"<a>\u00E9\U0001F600<b></a>", false);
  EXPECT_TRUE(fails_with(load_xml(doc, bytes, "f.xml"), "f.xml: not XML: start-end tags mismatch at byte 24"));
}

TEST(SourceMap, MapsElementsToTheByteOfTheirOpeningBracket) {
  pugi::xml_document doc;
  const std::string bytes = "\xEF\xBB\xBF<a>\xC3\xA9<b/></a>";
  const auto map = load_xml(doc, bytes, "f.xml");
  ASSERT_TRUE(map.has_value());
  EXPECT_EQ(map->file_offset(doc.document_element()), 3U);
  EXPECT_EQ(map->file_offset(doc.document_element().child("b")), 8U);
}

TEST(SourceMap, MapsUtf16ElementsToTheirByteInTheFile) {
  pugi::xml_document doc;
  const std::string bytes = utf16(u"<a>\u00E9\U0001F600<b/></a>", true);
  const auto map = load_xml(doc, bytes, "f.xml");
  ASSERT_TRUE(map.has_value());
  EXPECT_EQ(map->file_offset(doc.document_element().child("b")), 2U + 2U * 6U);
}

TEST(LocalName, DropsThePrefix) {
  EXPECT_EQ(local_name("gpxtpx:hr"), "hr");
  EXPECT_EQ(local_name("hr"), "hr");
}

class NamespaceScopeTest : public ::testing::Test {
 protected:
  void load(const char* text) { ASSERT_TRUE(doc_.load_string(text)); }
  pugi::xml_document doc_;
  NamespaceScope scope_;
};

TEST_F(NamespaceScopeTest, ResolvesPrefixesAndTheDefaultNamespaceByDeclaration) {
  load(R"(<r xmlns="urn:d" xmlns:p="urn:p"><p:x/><y/></r>)");
  const pugi::xml_node r = doc_.document_element();
  const auto guard = scope_.enter(r);
  EXPECT_EQ(scope_.name(r).uri, "urn:d");
  const pugi::xml_node x = r.first_child();
  const auto gx = scope_.enter(x);
  const QName qx = scope_.name(x);
  EXPECT_EQ(qx.uri, "urn:p");
  EXPECT_EQ(qx.local, "x");
  EXPECT_TRUE(qx.declared);
  EXPECT_EQ(scope_.name(r.child("y")).uri, "urn:d");
}

TEST_F(NamespaceScopeTest, InnerDeclarationsShadowOuterOnesUntilTheElementIsLeft) {
  load(R"(<r xmlns:p="urn:outer"><q xmlns:p="urn:inner" xmlns="urn:d2"><p:x/></q><p:z/></r>)");
  const pugi::xml_node r = doc_.document_element();
  const auto guard = scope_.enter(r);
  {
    const pugi::xml_node q = r.first_child();
    const auto gq = scope_.enter(q);
    EXPECT_EQ(scope_.name(q).uri, "urn:d2");
    EXPECT_EQ(scope_.name(q.first_child()).uri, "urn:inner");
  }
  EXPECT_EQ(scope_.name(r.last_child()).uri, "urn:outer");
  EXPECT_EQ(scope_.uri_of(""), "");
}

TEST_F(NamespaceScopeTest, AnEmptyDefaultDeclarationMeansNoNamespace) {
  load(R"(<r xmlns="urn:d"><e xmlns=""><f/></e></r>)");
  const pugi::xml_node r = doc_.document_element();
  const auto guard = scope_.enter(r);
  const auto ge = scope_.enter(r.first_child());
  const QName f = scope_.name(r.first_child().first_child());
  EXPECT_EQ(f.uri, "");
  EXPECT_TRUE(f.declared);
}

TEST_F(NamespaceScopeTest, ReportsUndeclaredPrefixes) {
  load(R"(<r><gpxdata:hr/></r>)");
  const pugi::xml_node r = doc_.document_element();
  const auto guard = scope_.enter(r);
  const QName q = scope_.name(r.first_child());
  EXPECT_FALSE(q.declared);
  EXPECT_EQ(q.uri, "");
  EXPECT_EQ(q.local, "hr");
  EXPECT_FALSE(scope_.uri_of("gpxdata").has_value());
  EXPECT_EQ(scope_.uri_of("xml"), ns::kXml);
}

}  // namespace
}  // namespace stridecare::importers::xml
