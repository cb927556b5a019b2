// Where a build's outputs go and how they get there. Each unit's files are rendered on its
// worker and handed here: kept in memory (no output folder), written to standard output
// ("-"), or staged in DIR/.gongkai-staging-* (io/files.hpp). Afterwards, in input order, each
// unit's folder DIR/<agency>/ is claimed — a second unit of the same agency gets an `output`
// error and writes nothing, whatever the thread timing — and its files are moved into place,
// as soon as every unit before it is placed (batch/in_order.hpp). What stays per unit once it
// is placed: its folder's name, for the claim.
#pragma once

#include <gongkai/batch/run_units.hpp>
#include <gongkai/build.hpp>
#include <gongkai/io/files.hpp>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace gongkai {

class OutputPlacement {
 public:
  // Makes the output folder and the staging folder: throws InputError (rule `output`) when
  // they cannot be made.
  explicit OutputPlacement(std::string output_dir);

  // On a unit's worker: its files as (extension, bytes) in format order, under the folder of
  // `agency`, each named report.<extension> — or, when the first part holds a dot, named so
  // (manifest.json). Throws OutputError when a file cannot be staged or written.
  void hand_in(std::size_t index, const std::string& agency, std::vector<std::pair<std::string, std::string>> files);

  // Called for each unit in input order, as soon as its files were handed in (or it failed):
  // claims its folder and moves its files into place, filling BuiltUnit::outputs and ::written,
  // or adding an `output` finding (counted in its summary), then forgets the unit's files.
  // `units`: their input paths, for the messages; `inputs`: never overwritten. True when a
  // file could not be written (not for a folder claimed twice).
  bool place(std::size_t index, BuiltUnit& unit, const std::vector<UnitInput>& units, const InputFiles& inputs);

 private:
  struct Staged {
    std::string dir;  // DIR/<agency>; empty when nothing was handed in
    std::vector<OutputFile> outputs;
    std::vector<std::pair<std::string, std::string>> files;  // staged path, final path
    bool failed = false;
  };
  void keep(std::size_t index, Staged st);
  std::string output_dir_;
  std::unique_ptr<StagingDir> staging_;
  std::mutex mutex_;                                    // guards staged_ (workers hand in)
  std::unordered_map<std::size_t, Staged> staged_;      // units handed in and not yet placed
  std::unordered_map<std::string, std::size_t> taken_;  // output folder -> the unit that has it
};

}  // namespace gongkai
