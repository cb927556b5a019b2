// gongkai diff: registered in main.cpp's table.
#pragma once

#include "context.hpp"

namespace gongkai::cli {

void register_diff(CLI::App& app, Context& ctx);

}  // namespace gongkai::cli
