// Nothing to compile: the header declares libFuzzer's entry point, which the fuzzer runtime defines.
#include "fuzz_driver.h"
