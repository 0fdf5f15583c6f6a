#include "ingest/html_extractor.h"

#include <catch2/catch.hpp>
