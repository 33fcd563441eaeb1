# Layering: every folder under src/ is one library target, and may include only
# headers of the layers named in ARCHITECTURE.md. stridecare_layer() registers a
# build step that fails the build when a source file includes a header of a
# layer it must not depend on.
set(STRIDECARE_LAYER_CHECK ${CMAKE_CURRENT_LIST_DIR}/check_layer.cmake)

# stridecare_layer(<target> <layer> ALLOWED <layer>...)
function(stridecare_layer target layer)
  cmake_parse_arguments(L "" "" "ALLOWED" ${ARGN})
  get_target_property(sources ${target} SOURCES)
  set(files)
  foreach(s IN LISTS sources)
    if(NOT IS_ABSOLUTE ${s})  # generated sources live in the binary dir and are not checked
      list(APPEND files ${CMAKE_CURRENT_SOURCE_DIR}/${s})
    endif()
  endforeach()
  file(GLOB headers ${CMAKE_CURRENT_SOURCE_DIR}/*.hpp ${CMAKE_CURRENT_SOURCE_DIR}/*/*.hpp)
  list(APPEND files ${headers})
  string(REPLACE ";" "," files_arg "${files}")
  string(REPLACE ";" "," allowed_arg "${layer};${L_ALLOWED}")
  set(stamp ${CMAKE_CURRENT_BINARY_DIR}/${target}.layers.stamp)
  add_custom_command(
    OUTPUT ${stamp}
    COMMAND ${CMAKE_COMMAND} -DLAYER=${layer} -DALLOWED=${allowed_arg} -DFILES=${files_arg}
            -DSTAMP=${stamp} -P ${STRIDECARE_LAYER_CHECK}
    DEPENDS ${files} ${STRIDECARE_LAYER_CHECK}
    COMMENT "Checking that ${layer} includes only ${allowed_arg}"
    VERBATIM)
  add_custom_target(${target}_layers DEPENDS ${stamp})
  add_dependencies(${target} ${target}_layers)
endfunction()
