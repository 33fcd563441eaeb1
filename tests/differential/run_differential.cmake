# cmake -DSTRIDECARE=EXE -DCORPUS=DIR -DHARNESS_DIR=DIR -P run_differential.cmake
#
# Runs compare.mjs (the FIT differential test) after checking, at test time, that everything it
# needs is there: a missing prerequisite is a failure with the reason, never a skip.
foreach(var STRIDECARE CORPUS HARNESS_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_differential.cmake: -D${var}=... is required")
  endif()
endforeach()

find_program(NODE node)
if(NOT NODE)
  message(FATAL_ERROR "fit_differential: node not found; install Node.js >= 20 (scripts/install-deps.sh)")
endif()
find_program(GPSBABEL gpsbabel)
if(NOT GPSBABEL)
  message(FATAL_ERROR "fit_differential: gpsbabel not found (the second source for the files the SDK "
                      "cannot decode); install it (scripts/install-deps.sh)")
endif()
if(NOT IS_DIRECTORY "${CORPUS}")
  message(FATAL_ERROR "fit_differential: no corpus at ${CORPUS} (set STRIDECARE_CORPUS)")
endif()

# The SDK must be the version package-lock.json pins: `npm ci` installs exactly that.
set(sdk_manifest "${HARNESS_DIR}/node_modules/@garmin/fitsdk/package.json")
if(NOT EXISTS "${sdk_manifest}")
  message(FATAL_ERROR "fit_differential: @garmin/fitsdk is not installed; run `npm ci` in ${HARNESS_DIR} "
                      "(scripts/test.sh does)")
endif()
file(READ "${HARNESS_DIR}/package.json" manifest)
string(JSON pinned GET "${manifest}" dependencies "@garmin/fitsdk")
file(READ "${sdk_manifest}" installed_manifest)
string(JSON installed GET "${installed_manifest}" version)
if(NOT installed STREQUAL pinned)
  message(FATAL_ERROR "fit_differential: @garmin/fitsdk ${installed} is installed but ${pinned} is pinned; "
                      "run `npm ci` in ${HARNESS_DIR}")
endif()

execute_process(
  COMMAND "${NODE}" compare.mjs --stridecare "${STRIDECARE}" --corpus "${CORPUS}" --no-bench --require-gpsbabel
  WORKING_DIRECTORY "${HARNESS_DIR}"
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "fit_differential: compare.mjs exited with ${status} (see the lines above)")
endif()
