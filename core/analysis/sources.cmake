# analysis: headless statistics over stored data (confusion matrices of prediction tables).
target_sources(runlens_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/confusion.cpp
    ${CMAKE_CURRENT_LIST_DIR}/confusion.h
)
