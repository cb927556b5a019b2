#include <gongkai/prose/text_reuse.hpp>

#include <doctest/doctest.h>

using namespace gongkai;

namespace {

const char* const kLastYear =
    "一是政策解读的形式还比较单一，图表、音视频等解读产品数量偏少，群众理解政策仍有一定难度。"
    "二是依申请公开答复的规范化程度有待提高，个别答复书引用条款不够准确。"
    "下一步，我局将丰富解读形式，加强答复文书审核，提升依申请公开工作质量。";

}  // namespace

TEST_SUITE("prose_text_reuse") {
  TEST_CASE("an identical section shares every 5-gram") {
    auto s = reuse_score(kLastYear, kLastYear);
    REQUIRE(s.has_value());
    CHECK(s->shared == s->grams);
    CHECK(s->tenths == 1000);
  }

  TEST_CASE("new figures, punctuation and line breaks do not hide a copy") {
    const std::string last =
        "全年共收到申请32件，办结30件，均在法定期限内答复，未发生因答复不当引发的行政复议和行政诉讼案件。"
        "我局将继续加强政务公开队伍建设，定期组织业务培训，提升工作人员依法答复的能力和水平。";
    const std::string now =
        "全年共收到申请39件；办结40件，均在法定期限内答复，\n未发生因答复不当引发的行政复议和行政诉讼案件。"
        "我局将继续加强政务公开队伍建设，定期组织业务培训，提升工作人员依法答复的能力和水平。";
    auto s = reuse_score(now, last);
    REQUIRE(s.has_value());
    CHECK(s->tenths == 1000);
  }

  TEST_CASE("a rewritten section scores low") {
    const std::string now =
        "本年度发现的主要问题：部分栏目更新不及时，个别链接失效；政策解读多为文字，缺少图解和视频。"
        "改进措施：建立栏目巡查台账，每月自查一次；与宣传部门合作制作图解，重要文件同步发布解读。";
    auto s = reuse_score(now, kLastYear);
    REQUIRE(s.has_value());
    CHECK(s->tenths < kReuseThresholdTenths);
  }

  TEST_CASE("a section appended to last year's text is still a copy") {
    const std::string now = std::string(kLastYear) + "三是新增一个问题：网站无障碍改造尚未完成。";
    auto s = reuse_score(now, kLastYear);
    REQUIRE(s.has_value());
    CHECK(s->tenths >= kReuseThresholdTenths);
    CHECK(s->tenths < 1000);
  }

  TEST_CASE("a short section is not judged") {
    CHECK_FALSE(reuse_score("本年度无其他需要报告的事项。", "本年度无其他需要报告的事项。").has_value());
  }
}
