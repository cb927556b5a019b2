// Where `gongkai build` puts a report's outputs: DIR/<agency>/report.<ext>. Agency names are
// Chinese and stay so; only what would change the path's meaning is replaced: path separators,
// control characters, and a leading dot (a hidden folder, or `..` leaving DIR).
#pragma once

#include <string>
#include <string_view>

namespace gongkai {

// The agency as one path component: `/`, `\` and control characters become `_`, surrounding
// white space is dropped, a leading `.` becomes `_`; an empty name becomes `_`.
[[nodiscard]] std::string safe_dir_name(std::string_view agency);

}  // namespace gongkai
