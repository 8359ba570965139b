// Attention maps as the 4-d tensor they are: (B, H, T, T), map [b, h] is head h of sequence b, row i holds how
// much query i attends to each key. The layers compute with (B*T, C) matrices whose columns hold the H heads side
// by side; these maps are what an exercise asks for when it wants to look (01.2, 01.4, 02.4). A layer asked only
// for its first Tq tokens' outputs (02.4's last block reads [CLS] alone) gives (B, H, Tq, T): the maps' first rows.
#pragma once

#include <xtensor/xtensor.hpp>

namespace lab::nn {

template <typename Scalar>
using AttentionMapsOf = xt::xtensor<Scalar, 4>;  // (B, H, T, T) or (B, H, Tq, T)
using AttentionMaps = AttentionMapsOf<float>;

}  // namespace lab::nn
