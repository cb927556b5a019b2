// A piece of work run beside the caller: on a thread of its own when one can be started, else
// (a process out of threads: RLIMIT_NPROC, a container's pids limit) when its result is asked
// for. Either way `get()` gives the result or throws what the work threw, so a caller that takes
// the results in order behaves as if it had done the work in order, only sooner.
#pragma once

#include <future>
#include <system_error>
#include <type_traits>

namespace gongkai {

// `f` and `args` are copied into the task (pass std::cref for what must not be copied).
template <typename F, typename... Args>
[[nodiscard]] std::future<std::invoke_result_t<F, Args...>> side_task(F f, Args... args) {
  try {
    return std::async(std::launch::async, f, args...);
  } catch (const std::system_error&) {
    return std::async(std::launch::deferred, f, args...);
  }
}

}  // namespace gongkai
