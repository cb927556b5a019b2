// What check and build share beyond the tables — the prose inputs of a unit and last year's
// report — now in the library (build/input_extras.hpp, build/previous_reports.hpp).
#pragma once

#include <gongkai/build/input_extras.hpp>
#include <gongkai/build/previous_reports.hpp>
