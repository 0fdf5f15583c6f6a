#include "nlp/name_finder.h"

#include <catch2/catch.hpp>
