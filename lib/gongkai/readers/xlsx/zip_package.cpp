#include <gongkai/readers/xlsx/zip_package.hpp>

#include <gongkai/readers/xlsx/xlsx_error.hpp>

#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <string>

namespace gongkai {
namespace {

// 1073741824 -> "1 GiB", 3000 -> "3000 bytes": limits read best in the unit they were set in.
std::string format_bytes(std::uint64_t n) {
  if (n >= (std::uint64_t{1} << 30) && n % (std::uint64_t{1} << 30) == 0) return fmt::format("{} GiB", n >> 30);
  if (n >= (std::uint64_t{1} << 20) && n % (std::uint64_t{1} << 20) == 0) return fmt::format("{} MiB", n >> 20);
  if (n >= (std::uint64_t{1} << 10) && n % (std::uint64_t{1} << 10) == 0) return fmt::format("{} KiB", n >> 10);
  return fmt::format("{} bytes", n);
}

std::string error_text(zip_error_t* error) { return zip_error_strerror(error); }

// An Excel 97-2003 workbook and an encrypted OOXML workbook are both OLE2 compound files.
bool is_ole2(std::string_view bytes) {
  return bytes.size() >= 8 && bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

[[noreturn]] void too_large(std::string_view file, std::string_view part, std::uint64_t limit) {
  xlsx_fail(XlsxFailure::refused, file, part,
            {fmt::format("解压后超过单个部件的上限 {}（疑似 ZIP 炸弹）", format_bytes(limit)),
             fmt::format("inflates beyond {}, the limit for one part (a zip bomb?)", format_bytes(limit))});
}

[[noreturn]] void too_compressed(std::string_view file, std::string_view part, std::uint64_t compressed,
                                 std::uint64_t ratio) {
  xlsx_fail(XlsxFailure::refused, file, part,
            {fmt::format("{} 字节压缩数据解压后膨胀超过 {}:1（疑似 ZIP 炸弹）", compressed, ratio),
             fmt::format("{} compressed bytes inflate more than {}:1 (a zip bomb?)", compressed, ratio)});
}

[[noreturn]] void total_too_large(std::string_view file, std::string_view part, std::uint64_t limit) {
  xlsx_fail(XlsxFailure::refused, file, part,
            {fmt::format("工作簿解压后合计超过上限 {}（疑似 ZIP 炸弹）", format_bytes(limit)),
             fmt::format("the workbook inflates beyond {} in total, the limit for one workbook (a zip bomb?)",
                         format_bytes(limit))});
}

bool over_ratio(std::uint64_t inflated, std::uint64_t compressed, const XlsxLimits& limits) {
  if (inflated <= limits.ratio_applies_above) return false;
  // inflated / compressed > max_ratio, without dividing (compressed may be 0).
  return compressed == 0 || inflated / compressed > limits.max_ratio ||
         (inflated / compressed == limits.max_ratio && inflated % compressed != 0);
}

}  // namespace

ZipPartStream::ZipPartStream(ZipPackage& package, zip_file* file, std::string part, std::uint64_t compressed)
    : package_(&package), file_(file), part_(std::move(part)), compressed_(compressed) {}

ZipPartStream::ZipPartStream(ZipPartStream&& other) noexcept
    : package_(other.package_),
      file_(other.file_),
      part_(std::move(other.part_)),
      compressed_(other.compressed_),
      inflated_(other.inflated_) {
  other.file_ = nullptr;
}

ZipPartStream::~ZipPartStream() {
  if (file_ != nullptr) zip_fclose(file_);
}

std::size_t ZipPartStream::read(char* buffer, std::size_t size) {
  zip_int64_t n = zip_fread(file_, buffer, size);
  if (n < 0) {
    xlsx_fail(XlsxFailure::corrupt, package_->name(), part_,
              {fmt::format("数据无法读取（{}）", zip_error_strerror(zip_file_get_error(file_))),
               fmt::format("cannot read its data ({})", zip_error_strerror(zip_file_get_error(file_)))});
  }
  auto got = static_cast<std::uint64_t>(n);
  inflated_ += got;
  package_->count_inflated(*this, got);
  return static_cast<std::size_t>(got);
}

ZipPackage::ZipPackage(std::string_view name, std::string_view bytes, const XlsxLimits& limits)
    : name_(name), limits_(limits) {
  if (bytes.empty()) xlsx_fail(XlsxFailure::not_xlsx, name_, {}, {"文件为空", "the file is empty"});
  if (is_ole2(bytes)) {
    xlsx_fail(XlsxFailure::not_xlsx, name_, {},
              {"这是 OLE2 复合文档：Excel 97-2003 的 .xls 或设有密码的工作簿；请另存为无密码的 .xlsx",
               "an OLE2 compound file: an Excel 97-2003 .xls or a password-protected workbook; save it as "
               ".xlsx without a password"});
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    std::string why = error_text(&error);
    zip_error_fini(&error);
    xlsx_fail(XlsxFailure::corrupt, name_, {},
              {fmt::format("无法读取（{}）", why), fmt::format("cannot read ({})", why)});
  }
  archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive_ == nullptr) {
    int code = zip_error_code_zip(&error);
    std::string why = error_text(&error);
    zip_error_fini(&error);
    zip_source_free(source);
    if (code == ZIP_ER_NOZIP) {
      xlsx_fail(XlsxFailure::not_xlsx, name_, {}, {"不是 ZIP 压缩包", "not a ZIP archive"});
    }
    xlsx_fail(XlsxFailure::corrupt, name_, {},
              {fmt::format("ZIP 目录损坏（{}）", why), fmt::format("damaged ZIP directory ({})", why)});
  }
  zip_error_fini(&error);
  auto entries = zip_get_num_entries(archive_, 0);
  if (entries < 0 || static_cast<std::uint64_t>(entries) > limits_.max_entries) {
    zip_discard(archive_);
    archive_ = nullptr;
    xlsx_fail(XlsxFailure::refused, name_, {},
              {fmt::format("ZIP 内条目数 {} 超过上限 {}", entries, limits_.max_entries),
               fmt::format("{} entries in the ZIP, more than the limit of {}", entries, limits_.max_entries)});
  }
}

ZipPackage::~ZipPackage() {
  if (archive_ != nullptr) zip_discard(archive_);
}

bool ZipPackage::has(std::string_view part) const {
  std::string n(part);
  return zip_name_locate(archive_, n.c_str(), ZIP_FL_NOCASE | ZIP_FL_ENC_GUESS) >= 0;
}

ZipPartStream ZipPackage::open(std::string_view part_view) {
  std::string part(part_view);
  zip_int64_t index = zip_name_locate(archive_, part.c_str(), ZIP_FL_NOCASE | ZIP_FL_ENC_GUESS);
  if (index < 0) {
    xlsx_fail(XlsxFailure::corrupt, name_, {},
              {fmt::format("缺少部件 {}", part), fmt::format("missing part {}", part)});
  }
  auto idx = static_cast<zip_uint64_t>(index);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(archive_, idx, 0, &st) != 0) {
    std::string why = zip_error_strerror(zip_get_error(archive_));
    xlsx_fail(XlsxFailure::corrupt, name_, part,
              {fmt::format("无法读取（{}）", why), fmt::format("cannot read ({})", why)});
  }
  // The sizes in the directory may lie; they are checked here to fail fast and again while
  // inflating, where they cannot.
  std::uint64_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) != 0 ? st.comp_size : 0;
  if ((st.valid & ZIP_STAT_SIZE) != 0) {
    if (st.size > limits_.max_part_bytes) too_large(name_, part, limits_.max_part_bytes);
    if (over_ratio(st.size, compressed, limits_)) too_compressed(name_, part, compressed, limits_.max_ratio);
    if (st.size > limits_.max_total_bytes - std::min(inflated_total_, limits_.max_total_bytes)) {
      total_too_large(name_, part, limits_.max_total_bytes);
    }
  }
  zip_file_t* file = zip_fopen_index(archive_, idx, 0);
  if (file == nullptr) {
    zip_error_t* error = zip_get_error(archive_);
    if (zip_error_code_zip(error) == ZIP_ER_NOPASSWD || zip_error_code_zip(error) == ZIP_ER_WRONGPASSWD) {
      xlsx_fail(XlsxFailure::not_xlsx, name_, part, {"部件已加密", "the part is encrypted"});
    }
    std::string why = zip_error_strerror(error);
    xlsx_fail(XlsxFailure::corrupt, name_, part,
              {fmt::format("无法打开（{}）", why), fmt::format("cannot open ({})", why)});
  }
  return ZipPartStream(*this, file, part, compressed);
}

void ZipPackage::count_inflated(const ZipPartStream& stream, std::uint64_t bytes) {
  inflated_total_ += bytes;
  if (stream.inflated_ > limits_.max_part_bytes) too_large(name_, stream.part_, limits_.max_part_bytes);
  if (over_ratio(stream.inflated_, stream.compressed_, limits_)) {
    too_compressed(name_, stream.part_, stream.compressed_, limits_.max_ratio);
  }
  if (inflated_total_ > limits_.max_total_bytes) total_too_large(name_, stream.part_, limits_.max_total_bytes);
}

}  // namespace gongkai
