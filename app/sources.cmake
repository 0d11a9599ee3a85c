target_sources(runlens PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/cli_demo.cpp
    ${CMAKE_CURRENT_LIST_DIR}/cli_demo.h
    ${CMAKE_CURRENT_LIST_DIR}/cli_info.cpp
    ${CMAKE_CURRENT_LIST_DIR}/cli_info.h
    ${CMAKE_CURRENT_LIST_DIR}/cli_source.cpp
    ${CMAKE_CURRENT_LIST_DIR}/cli_source.h
    ${CMAKE_CURRENT_LIST_DIR}/cli_sweep.cpp
    ${CMAKE_CURRENT_LIST_DIR}/cli_sweep.h
    ${CMAKE_CURRENT_LIST_DIR}/demo_bootstrap.cpp
    ${CMAKE_CURRENT_LIST_DIR}/demo_bootstrap.h
    ${CMAKE_CURRENT_LIST_DIR}/gui_main.cpp
    ${CMAKE_CURRENT_LIST_DIR}/gui_main.h
    ${CMAKE_CURRENT_LIST_DIR}/main.cpp
)
