# stridecare_embed(<output.cpp> <input file> <namespace> <symbol>): compiles a data
# file into the program as `extern const std::string_view <namespace>::<symbol>`,
# so the installed binary carries its defaults and needs no data directory.
function(stridecare_embed output input ns symbol)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${output} -DNS=${ns} -DSYMBOL=${symbol}
            -P ${CMAKE_SOURCE_DIR}/cmake/embed_file.cmake
    DEPENDS ${input} ${CMAKE_SOURCE_DIR}/cmake/embed_file.cmake
    VERBATIM)
  # Kept out of unity builds: one large array each, and a file-local name.
  set_source_files_properties(${output} PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
endfunction()
