// gongkai verify: registered in main.cpp's table.
#pragma once

#include "context.hpp"

namespace gongkai::cli {

void register_verify(CLI::App& app, Context& ctx);

}  // namespace gongkai::cli
