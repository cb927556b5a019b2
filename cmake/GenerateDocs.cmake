# cmake -DGONGKAI=<built gongkai> -DOUT=<folder> -DDATE=YYYY-MM-DD -P GenerateDocs.cmake
# Writes OUT/man/gongkai.1, OUT/completions/gongkai (bash) and OUT/completions/_gongkai (zsh)
# with the program's hidden `help --man` and `help --completion` (English, whatever the locale).
file(MAKE_DIRECTORY ${OUT}/man ${OUT}/completions)
foreach(_job "man/gongkai.1;--man;${DATE}" "completions/gongkai;--completion;bash" "completions/_gongkai;--completion;zsh")
  list(GET _job 0 _file)
  list(GET _job 1 _what)
  list(GET _job 2 _arg)
  execute_process(COMMAND ${GONGKAI} --lang en help ${_what} ${_arg}
    OUTPUT_FILE ${OUT}/${_file}.tmp RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "${GONGKAI} help ${_what} ${_arg} exited ${_rc}")
  endif()
  file(RENAME ${OUT}/${_file}.tmp ${OUT}/${_file})
endforeach()
