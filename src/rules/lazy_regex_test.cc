#include "rules/lazy_regex.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace winnow {
namespace {

TEST(LazyRegexTest, CompilesOnceAndMatches) {
  RE2::Options options;
  options.set_case_sensitive(false);
  const LazyRegex re("^share( this)?$", options);
  EXPECT_EQ(re.pattern(), "^share( this)?$");
  const RE2* first = &re.get();
  EXPECT_TRUE(first->ok());
  EXPECT_TRUE(RE2::FullMatch("Share this", re.get())) << "the options are applied";
  EXPECT_EQ(&re.get(), first) << "one RE2, compiled once";
}

TEST(LazyRegexTest, ThreadsShareOneCompile) {
  const LazyRegex re("a+b", RE2::Options());
  std::vector<const RE2*> seen(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&, i] { seen[i] = &re.get(); });
  }
  for (std::thread& t : threads) t.join();
  for (const RE2* p : seen) EXPECT_EQ(p, seen[0]);
}

TEST(LazyRegexTest, TooLargeForItsBudgetIsNotOkAndMatchesNothing) {
  RE2::Options options;
  options.set_max_mem(1000);
  options.set_log_errors(false);
  const LazyRegex re("(\\pL{1,100}){1,10}", options);
  EXPECT_FALSE(re.get().ok());
  EXPECT_FALSE(RE2::PartialMatch("abc", re.get()));
}

}  // namespace
}  // namespace winnow
