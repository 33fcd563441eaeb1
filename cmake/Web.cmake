# The web dashboard (web/): `npm ci` when the lock file changes, then `tsc --noEmit` and `vite build` when a
# source changes, into <build>/web/dist; its files are compiled into the program (cmake/embed_web.cmake), so
# that `stridecare serve` carries its pages and reads none from the disk.
option(STRIDECARE_WEB "Build the web dashboard (needs node and npm; npm ci fetches its packages)" ON)

# stridecare_web_assets(<output.cpp>): writes the definition of server::web_assets() to <output.cpp>: the
# built dashboard, or no file at all with STRIDECARE_WEB=OFF.
function(stridecare_web_assets output)
  set(web ${PROJECT_SOURCE_DIR}/web)
  set(dist ${CMAKE_BINARY_DIR}/web/dist)
  set(deps ${PROJECT_SOURCE_DIR}/cmake/embed_web.cmake)
  if(STRIDECARE_WEB)
    find_program(NPM npm REQUIRED)
    find_program(NODE node REQUIRED)
    set(installed ${CMAKE_BINARY_DIR}/web/npm-ci.stamp)
    add_custom_command(
      OUTPUT ${installed}
      COMMAND ${NPM} ci --no-audit --no-fund --loglevel=error
      COMMAND ${CMAKE_COMMAND} -E touch ${installed}
      WORKING_DIRECTORY ${web}
      DEPENDS ${web}/package.json ${web}/package-lock.json
      COMMENT "npm ci in web/ (the dashboard's packages, as package-lock.json pins them)"
      VERBATIM)
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${web}/src/* ${web}/public/*)
    set(built ${CMAKE_BINARY_DIR}/web/dist.stamp)
    add_custom_command(
      OUTPUT ${built}
      COMMAND ${NODE} node_modules/typescript/bin/tsc --noEmit -p tsconfig.json
      COMMAND ${NODE} node_modules/vite/bin/vite.js build --logLevel warn --emptyOutDir --outDir ${dist}
      COMMAND ${CMAKE_COMMAND} -E touch ${built}
      WORKING_DIRECTORY ${web}
      DEPENDS ${installed} ${sources} ${web}/index.html ${web}/vite.config.ts ${web}/tsconfig.json
      COMMENT "Type-checking and building the web dashboard (tsc, vite build)"
      VERBATIM)
    list(APPEND deps ${built})
  else()
    set(dist "")
  endif()
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DDIST=${dist} -DOUTPUT=${output} -P ${PROJECT_SOURCE_DIR}/cmake/embed_web.cmake
    DEPENDS ${deps}
    COMMENT "Compiling the dashboard's files into the program"
    VERBATIM)
  set_source_files_properties(${output} PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
endfunction()
