#include "ingest/text_decoder.h"

#include <catch2/catch.hpp>
