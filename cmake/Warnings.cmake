# Warnings and sanitizers are INTERFACE targets linked to our own targets only.
add_library(gongkai_warnings INTERFACE)
target_compile_options(gongkai_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough
  $<$<BOOL:${GONGKAI_WERROR}>:-Werror>)

add_library(gongkai_sanitizers INTERFACE)
if(GONGKAI_SANITIZE)
  target_compile_options(gongkai_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(gongkai_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
