// Building kainjow mustache data without copying it. kainjow's set() and push_back() copy what
// they are given, and its move constructor is not noexcept, so a list growing past its capacity
// copies every item it holds, subtrees and all: a report's cells were copied over and over (7.7%
// of the CPU of a 1,000-unit build). Lists made here are made to their size and filled by move.
#pragma once

#include <kainjow/mustache.hpp>

#include <cstddef>
#include <string>

namespace gongkai::mustache_data {

using kainjow::mustache::data;

// An empty list with room for `n` items.
inline data list(std::size_t n = 0) {
  data d(data::type::list);
  // A list's items are only reachable as const, but the data itself is not const: the cast is sound.
  const_cast<kainjow::mustache::basic_list<std::string>&>(d.list_value()).reserve(n);
  return d;
}

// Moves `item` to the end of `list_data` (a list).
inline void append(data& list_data, data&& item) {
  const_cast<kainjow::mustache::basic_list<std::string>&>(list_data.list_value()).push_back(std::move(item));
}

// Moves `value` under `key` of `object`.
inline void put(data& object, const std::string& key, data&& value) { object[key] = std::move(value); }

}  // namespace gongkai::mustache_data
