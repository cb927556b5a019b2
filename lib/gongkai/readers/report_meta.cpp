#include <gongkai/readers/report_meta.hpp>

namespace gongkai {

void ReportMeta::override_with(const ReportMeta& over) {
  if (over.agency) agency = over.agency;
  if (over.level) level = over.level;
  if (over.year) year = over.year;
  if (over.form_id) form_id = over.form_id;
  if (over.publication_date) publication_date = over.publication_date;
}

}  // namespace gongkai
