#include "nlp/date_reader.h"

#include <catch2/catch.hpp>
