// The checker's entry points are public (gongkai/check.hpp); this header keeps the internal
// include path working for the library's own callers.
#pragma once

#include <gongkai/check.hpp>
