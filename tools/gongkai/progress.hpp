// A progress bar on standard error, only when it is a terminal and --quiet is not given:
// pipelines and logs never see it.
#pragma once

#include <cstddef>
#include <functional>

namespace gongkai::cli {

// A callback for BatchOptions::progress, or an empty function when no bar should be drawn.
[[nodiscard]] std::function<void(std::size_t, std::size_t)> make_progress_bar(bool quiet);

}  // namespace gongkai::cli
