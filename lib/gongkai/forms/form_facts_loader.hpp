// Reads what a form definition says besides its tables: the overview's key figures
// (`key_figures:`), the publication deadlines by level (`deadlines:`) and the official sentences
// the outputs write from data (`phrases:`). All three keys are required, and so are the phrases
// the code uses; a mistake is an InputError naming line and column. Called by form_loader once the
// cells are indexed, so each key figure's cells are checked against the form.
#pragma once

#include <gongkai/core/yaml_source.hpp>
#include <gongkai/forms/form.hpp>

#include <yaml-cpp/yaml.h>

#include <string_view>

namespace gongkai {

void load_form_facts(const YamlDefinition& definition, const YAML::Node& root, Form& form);

}  // namespace gongkai
