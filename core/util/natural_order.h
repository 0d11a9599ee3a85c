// Natural order for labels: runs of digits compare by value, so "img2" sorts before "img10" and
// "2" before "10" (class names, group keys, sweep categories).
#pragma once

#include <string_view>

namespace runlens {

bool naturalLess(std::string_view a, std::string_view b);

}  // namespace runlens
