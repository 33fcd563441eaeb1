# Project-wide warnings; applied per target with stridecare_warnings(<target>).
function(stridecare_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Wunused -Woverloaded-virtual -Wconversion -Wnull-dereference
    -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough -Werror)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE
      # GCC 12 reports false positives for std::string concatenation at -O3 (GCC bug 105329)
      # and for std::optional members (GCC bug 105562 and friends).
      -Wno-restrict -Wno-maybe-uninitialized)
  elseif(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    # libstdc++ 12's std::stable_sort calls get_temporary_buffer, deprecated in C++23.
    target_compile_options(${target} PRIVATE -Wno-deprecated-declarations)
  endif()
endfunction()
