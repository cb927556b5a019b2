// Public report.hpp: a report as the YAML tally the readers read back.
#include <gongkai/report.hpp>

#include <gongkai/tally/yaml_writer.hpp>

namespace gongkai {

std::string report_yaml(const Report& report) { return write_yaml_tally(report, YamlTallyNotes{}); }

}  // namespace gongkai
