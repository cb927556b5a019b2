// The units a batch command works on: now in the library (build/unit_inputs.hpp).
#pragma once

#include <gongkai/build/unit_inputs.hpp>
