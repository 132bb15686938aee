#pragma once
// The whole public API.
#include "convjit/conv_desc.hpp"
#include "convjit/cpu.hpp"
#include "convjit/engine.hpp"
#include "convjit/error.hpp"
#include "convjit/kernel.hpp"
#include "convjit/layout.hpp"
#include "convjit/types.hpp"
