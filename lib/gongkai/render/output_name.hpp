// Where `gongkai build` puts a report's outputs: DIR/<agency>/report.<ext>. Agency names are
// Chinese and stay so; only what would change the path's meaning, or make it unusable on
// another system the folder is copied to, is replaced, so that the name is always one
// component inside DIR.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gongkai {

// The longest folder name made from an agency, in bytes (file systems allow 255).
inline constexpr std::size_t kMaxDirNameBytes = 200;

// The agency as one path component:
//  - surrounding white space dropped; an empty name becomes `_`;
//  - `/`, `\`, the characters Windows forbids (`<>:"|?*`), control characters (C0, DEL, C1),
//    bidirectional overrides (U+202A–U+202E, U+2066–U+2069) and bytes that are not UTF-8
//    become `_`;
//  - a leading `.` (a hidden folder, `.` or `..`) and trailing dots or spaces become `_`;
//  - a Windows reserved name (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9, with any extension,
//    any case) gets a leading `_`;
//  - a name longer than kMaxDirNameBytes is cut at a character boundary and ends in `~` and 8
//    hex digits of a hash of the whole name, so that two long names stay apart.
[[nodiscard]] std::string safe_dir_name(std::string_view agency);

}  // namespace gongkai
