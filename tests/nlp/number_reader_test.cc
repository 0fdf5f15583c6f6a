#include "nlp/number_reader.h"

#include <catch2/catch.hpp>
