# The test: `lab list` of the CLI built from the edited copy (-DEDITED) says the author's new sentence where the
# lab's own (-DLAB) says the old one, and the two lists are otherwise the same.
foreach(cli IN ITEMS LAB EDITED)
  execute_process(COMMAND ${${cli}} list OUTPUT_VARIABLE ${cli}_list RESULT_VARIABLE code)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "${${cli}} list exited with ${code}")
  endif()
endforeach()
string(FIND "${EDITED_list}" "Self-attention on its own cannot tell word order" edited_at)
string(FIND "${LAB_list}" "Self-attention on its own cannot tell word order" original_at)
if(edited_at EQUAL -1 OR NOT original_at EQUAL -1)
  message(FATAL_ERROR "the edited sentence is not (only) in the edited CLI's list")
endif()
string(REPLACE "Self-attention on its own cannot tell word order" "Attention has no notion of order" restored
       "${EDITED_list}")
if(NOT restored STREQUAL LAB_list)
  message(FATAL_ERROR "the two lists differ in more than the edited sentence")
endif()
message(STATUS "the edited Markdown text changed 01.1's summary in `lab list`, and nothing else")
