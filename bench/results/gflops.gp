set terminal pngcairo size 1800,2600 font "DejaVu Sans,10" noenhanced
set output "/work/main/bench/results/gflops.png"
set multiplot layout 6,2 title "GFLOP/s per problem (min time; higher is better)" font ",14"
set logscale y
set format y "%g"
set grid ytics mytics lc rgb "#dddddd"
set xtics rotate by 40 right font ",8"
set bmargin 8
set style fill solid 0.8
set key outside right top Left reverse font ",9"
set rmargin 22
$g0 << EOD
0 "image3x3" 172.769 39.059 12.6812 6.29998 4.73486 2.53308 62.2211
1 "small_strided" 177.641 20.6297 43.9855 24.9296 30.2302 1.79052 NaN
2 "tiny" 0.546914 0.350596 0.115678 0.0883735 0.116602 0.156181 0.0645028
3 "im2col50" 99.2156 12.988 4.64033 6.49805 5.64113 1.63941 13.3135
4 "im2col250" 124.802 18.4181 9.13181 5.69774 4.99974 1.70317 41.3643
5 "im2col1000" 110.91 18.7207 10.3779 6.57687 6.01336 1.70559 48.0711
6 "batch1000" 184.793 57.3536 22.8463 20.1331 15.3921 3.82774 6.62517
7 "batch30000" 146.742 57.5719 19.9729 19.345 14.8696 3.8143 6.59231
EOD
set title "seeds f32, 1 thread"
set xrange [-0.6:8-0.4]
set ylabel "GFLOP/s"
set yrange [*:*]
plot $g0 using 1:3:xtic(2) with linespoints lw 2.5 dt 1 pt 7 ps 1.4 lc rgb "#d62728" title "convjit", \
     $g0 using 1:4 with linespoints lw 1.2 dt 3 pt 5 ps 1 lc rgb "#1f77b4" title "convjit nhwc", \
     $g0 using 1:5 with linespoints lw 1.2 dt 3 pt 4 ps 1 lc rgb "#17becf" title "oneDNN any", \
     $g0 using 1:6 with linespoints lw 1.2 dt 3 pt 9 ps 1 lc rgb "#2ca02c" title "oneDNN nchw", \
     $g0 using 1:7 with linespoints lw 1.2 dt 3 pt 6 ps 1 lc rgb "#7f7f7f" title "im2col+BLAS", \
     $g0 using 1:8 with linespoints lw 1.2 dt 3 pt 13 ps 1 lc rgb "#9467bd" title "naive", \
     $g0 using 1:9 with linespoints lw 1.2 dt 3 pt 11 ps 1 lc rgb "#ff7f0e" title "OpenCV"
$g1 << EOD
0 "image3x3" 312.467 73.7833 25.3276 6.32795 5.25033 2.52753 61.7071
1 "small_strided" 179.782 20.5424 22.2509 16.9522 30.2429 1.79144 NaN
2 "tiny" 0.547061 0.352643 0.0146232 0.0119883 0.116001 0.156128 0.0639977
3 "im2col50" 99.271 13.0291 4.70702 4.55167 5.62926 1.63723 13.0977
4 "im2col250" 72.6029 19.0662 16.8845 5.51581 4.45672 1.69815 41.8042
5 "im2col1000" 160.478 32.9686 20.792 6.52869 5.71696 1.70545 48.2682
6 "batch1000" 360.416 89.3136 45.0999 27.2619 15.4503 7.56202 6.65178
7 "batch30000" 291.855 112.194 39.327 37.89 14.9101 7.58273 6.52666
EOD
set title "seeds f32, 2 threads"
set xrange [-0.6:8-0.4]
set ylabel "GFLOP/s"
set yrange [*:*]
plot $g1 using 1:3:xtic(2) with linespoints lw 2.5 dt 1 pt 7 ps 1.4 lc rgb "#d62728" title "convjit", \
     $g1 using 1:4 with linespoints lw 1.2 dt 3 pt 5 ps 1 lc rgb "#1f77b4" title "convjit nhwc", \
     $g1 using 1:5 with linespoints lw 1.2 dt 3 pt 4 ps 1 lc rgb "#17becf" title "oneDNN any", \
     $g1 using 1:6 with linespoints lw 1.2 dt 3 pt 9 ps 1 lc rgb "#2ca02c" title "oneDNN nchw", \
     $g1 using 1:7 with linespoints lw 1.2 dt 3 pt 6 ps 1 lc rgb "#7f7f7f" title "im2col+BLAS", \
     $g1 using 1:8 with linespoints lw 1.2 dt 3 pt 13 ps 1 lc rgb "#9467bd" title "naive", \
     $g1 using 1:9 with linespoints lw 1.2 dt 3 pt 11 ps 1 lc rgb "#ff7f0e" title "OpenCV"
$g2 << EOD
0 "image3x3" 82.5545 26.8178 NaN NaN 2.89794 2.52837 22.6249
1 "small_strided" 119.321 76.3716 NaN NaN 20.1271 1.78785 NaN
2 "tiny" 0.547013 0.339829 NaN NaN 0.11953 0.158976 0.0715959
3 "im2col50" 56.6876 12.539 NaN NaN 4.41333 1.62943 10.2907
4 "im2col250" 63.268 14.5489 NaN NaN 4.0194 1.69492 17.8331
5 "im2col1000" 55.7891 12.8177 NaN NaN 3.58871 1.69881 19.3404
6 "batch1000" 90.7098 47.8893 NaN NaN 11.3876 3.39749 6.58387
7 "batch30000" 52.5418 47.5543 NaN NaN 10.6982 3.40253 6.43615
EOD
set title "seeds f64, 1 thread"
set xrange [-0.6:8-0.4]
set ylabel "GFLOP/s"
set yrange [*:*]
plot $g2 using 1:3:xtic(2) with linespoints lw 2.5 dt 1 pt 7 ps 1.4 lc rgb "#d62728" title "convjit", \
     $g2 using 1:4 with linespoints lw 1.2 dt 3 pt 5 ps 1 lc rgb "#1f77b4" title "convjit nhwc", \
     $g2 using 1:5 with linespoints lw 1.2 dt 3 pt 4 ps 1 lc rgb "#17becf" title "oneDNN any", \
     $g2 using 1:6 with linespoints lw 1.2 dt 3 pt 9 ps 1 lc rgb "#2ca02c" title "oneDNN nchw", \
     $g2 using 1:7 with linespoints lw 1.2 dt 3 pt 6 ps 1 lc rgb "#7f7f7f" title "im2col+BLAS", \
     $g2 using 1:8 with linespoints lw 1.2 dt 3 pt 13 ps 1 lc rgb "#9467bd" title "naive", \
     $g2 using 1:9 with linespoints lw 1.2 dt 3 pt 11 ps 1 lc rgb "#ff7f0e" title "OpenCV"
$g3 << EOD
0 "image3x3" 160.077 60.666 NaN NaN 3.00177 2.52749 22.5873
1 "small_strided" 116.265 74.5161 NaN NaN 20.3355 1.78539 NaN
2 "tiny" 0.546794 0.340403 NaN NaN 0.116692 0.150507 0.0709043
3 "im2col50" 58.6343 12.777 NaN NaN 4.39681 1.62762 10.4654
4 "im2col250" 114.142 29.994 NaN NaN 5.84799 1.69882 17.8874
5 "im2col1000" 104.11 24.583 NaN NaN 4.04351 1.67436 19.6458
6 "batch1000" 182.383 93.5227 NaN NaN 11.3738 6.77671 6.35946
7 "batch30000" 99.77 92.9429 NaN NaN 10.6649 6.77774 6.51187
EOD
set title "seeds f64, 2 threads"
set xrange [-0.6:8-0.4]
set ylabel "GFLOP/s"
set yrange [*:*]
plot $g3 using 1:3:xtic(2) with linespoints lw 2.5 dt 1 pt 7 ps 1.4 lc rgb "#d62728" title "convjit", \
     $g3 using 1:4 with linespoints lw 1.2 dt 3 pt 5 ps 1 lc rgb "#1f77b4" title "convjit nhwc", \
     $g3 using 1:5 with linespoints lw 1.2 dt 3 pt 4 ps 1 lc rgb "#17becf" title "oneDNN any", \
     $g3 using 1:6 with linespoints lw 1.2 dt 3 pt 9 ps 1 lc rgb "#2ca02c" title "oneDNN nchw", \
     $g3 using 1:7 with linespoints lw 1.2 dt 3 pt 6 ps 1 lc rgb "#7f7f7f" title "im2col+BLAS", \
     $g3 using 1:8 with linespoints lw 1.2 dt 3 pt 13 ps 1 lc rgb "#9467bd" title "naive", \
     $g3 using 1:9 with linespoints lw 1.2 dt 3 pt 11 ps 1 lc rgb "#ff7f0e" title "OpenCV"
$g4 << EOD
0 "conv1" 223.873 282.802 279.171 132.455 86.7109 3.78703 NaN
1 "res2a_branch1*4" 259.297 280.064 276.715 269.445 132.866 0.731927 NaN
2 "res2a_branch2a" 258.593 279.302 274.626 269.854 126.895 0.733983 NaN
3 "res2a_branch2b*3" 237.701 278.054 271.907 171.618 102.151 2.70386 NaN
4 "res2b_branch2a*2" 224.099 282.418 281.476 279.724 123.086 0.707662 NaN
5 "res3a_branch1" 176.953 263.995 276.168 233.011 132.521 0.705659 NaN
6 "res3a_branch2a" 147.769 262.944 276.553 171.336 113.77 0.705765 NaN
7 "res3a_branch2b*4" 251.528 284.121 282.763 184.661 108.45 2.60226 NaN
8 "res3a_branch2c*4" 282.129 282.4 279.438 276.947 135.889 0.708962 NaN
9 "res3b_branch2a*3" 255.559 278.218 282.193 276.346 131.046 0.710609 NaN
10 "res4a_branch1" 221.755 273.733 267.734 214.202 131.038 0.711767 NaN
11 "res4a_branch2a" 156.049 276.154 264.356 196.595 119.888 0.709538 NaN
12 "res4a_branch2b*6" 244.681 273.314 280.136 196.652 109.918 2.53872 NaN
13 "res4a_branch2c*6" 260.343 281.12 282.181 256.777 134.116 0.730366 NaN
14 "res4b_branch2a*5" 104.64 263.648 281.116 253.952 132.494 0.715948 NaN
15 "res5a_branch1" 214.205 283.086 277.987 165.654 116.576 0.716661 NaN
16 "res5a_branch2a" 130.272 281.274 276.38 209.237 111.337 0.718244 NaN
17 "res5a_branch2b*3" 223.705 279.548 273.424 176.267 90.7064 2.43429 NaN
18 "res5a_branch2c*3" 253.35 278.464 278.429 193.712 118.103 0.718998 NaN
19 "res5b_branch2a*2" 160.507 278.732 274.696 191.269 117.702 0.717891 NaN
EOD
set title "resnet50 f32, 1 thread"
set xrange [-0.6:20-0.4]
set ylabel "GFLOP/s"
set yrange [*:*]
plot $g4 using 1:3:xtic(2) with linespoints lw 2.5 dt 1 pt 7 ps 1.4 lc rgb "#d62728" title "convjit", \
     $g4 using 1:4 with linespoints lw 1.2 dt 3 pt 5 ps 1 lc rgb "#1f77b4" title "convjit nhwc", \
     $g4 using 1:5 with linespoints lw 1.2 dt 3 pt 4 ps 1 lc rgb "#17becf" title "oneDNN any", \
     $g4 using 1:6 with linespoints lw 1.2 dt 3 pt 9 ps 1 lc rgb "#2ca02c" title "oneDNN nchw", \
     $g4 using 1:7 with linespoints lw 1.2 dt 3 pt 6 ps 1 lc rgb "#7f7f7f" title "im2col+BLAS", \
     $g4 using 1:8 with linespoints lw 1.2 dt 3 pt 13 ps 1 lc rgb "#9467bd" title "naive", \
     $g4 using 1:9 with linespoints lw 1.2 dt 3 pt 11 ps 1 lc rgb "#ff7f0e" title "OpenCV"
$g5 << EOD
0 "conv1" 456.385 560.841 556.15 263.109 59.9304 7.43936 NaN
1 "res2a_branch1*4" 257.472 279.682 553.24 535.01 256.793 1.45717 NaN
2 "res2a_branch2a" 252.483 278.501 544.406 538.391 240.656 1.38163 NaN
3 "res2a_branch2b*3" 452.95 559.183 539.924 294.639 40.2384 5.40017 NaN
4 "res2b_branch2a*2" 218.539 281.76 556.053 550.999 224.312 1.40345 NaN
5 "res3a_branch1" 330.828 533.718 547.471 423.557 94.8856 1.41055 NaN
6 "res3a_branch2a" 357.174 537.998 542.565 262.294 12.8458 1.40609 NaN
7 "res3a_branch2b*4" 501.401 566.211 556.794 312.778 106.47 5.17948 NaN
8 "res3a_branch2c*4" 281.06 281.042 547.223 535.347 200.064 1.40744 NaN
9 "res3b_branch2a*3" 249.849 278.302 548.61 532.336 227.114 1.41784 NaN
10 "res4a_branch1" 439.862 548.414 521.174 375.512 59.6608 1.41398 NaN
11 "res4a_branch2a" 250.361 535.451 516.046 279.808 112.909 1.41328 NaN
12 "res4a_branch2b*6" 458.066 541.642 555.497 296.146 104.119 5.08066 NaN
13 "res4a_branch2c*6" 260.472 282.144 541.446 503.55 180.448 1.45305 NaN
14 "res4b_branch2a*5" 104.083 264.248 544.81 482.491 196.436 1.43301 NaN
15 "res5a_branch1" 319.871 488.44 544.934 374.185 112.717 1.35495 NaN
16 "res5a_branch2a" 200.986 485.477 508.805 324.295 104.812 1.42891 NaN
17 "res5a_branch2b*3" 383.815 470.489 537.067 306.926 24.6288 4.85462 NaN
18 "res5a_branch2c*3" 254.162 277.118 545.218 382.113 113.639 1.36132 NaN
19 "res5b_branch2a*2" 159.48 276.777 509.727 379.836 121.772 1.44212 NaN
EOD
set title "resnet50 f32, 2 threads"
set xrange [-0.6:20-0.4]
set ylabel "GFLOP/s"
set yrange [*:*]
plot $g5 using 1:3:xtic(2) with linespoints lw 2.5 dt 1 pt 7 ps 1.4 lc rgb "#d62728" title "convjit", \
     $g5 using 1:4 with linespoints lw 1.2 dt 3 pt 5 ps 1 lc rgb "#1f77b4" title "convjit nhwc", \
     $g5 using 1:5 with linespoints lw 1.2 dt 3 pt 4 ps 1 lc rgb "#17becf" title "oneDNN any", \
     $g5 using 1:6 with linespoints lw 1.2 dt 3 pt 9 ps 1 lc rgb "#2ca02c" title "oneDNN nchw", \
     $g5 using 1:7 with linespoints lw 1.2 dt 3 pt 6 ps 1 lc rgb "#7f7f7f" title "im2col+BLAS", \
     $g5 using 1:8 with linespoints lw 1.2 dt 3 pt 13 ps 1 lc rgb "#9467bd" title "naive", \
     $g5 using 1:9 with linespoints lw 1.2 dt 3 pt 11 ps 1 lc rgb "#ff7f0e" title "OpenCV"
$g6 << EOD
0 "conv1*3" 155.739 265.696 246.907 89.4282 72.1546 2.685 NaN
1 "conv2*4" 206.809 275.834 273.3 262.292 121.883 0.726469 NaN
2 "conv3*4" 261.019 275.512 273.426 272.825 131.214 0.732805 NaN
3 "conv4*4" 230.285 281.925 281.273 277.199 129.567 0.702984 NaN
4 "conv5*4" 281.262 283.873 281.379 277.464 133.565 0.705553 NaN
5 "conv6*4" 208.209 280.857 280.525 278.851 135.076 0.711861 NaN
6 "conv7*4" 261.439 283.866 282.263 256.844 133.254 0.731251 NaN
7 "conv8*20" 262.693 283.768 283.254 254.448 133.336 0.719905 NaN
8 "conv9*4" 248.242 278.501 279.282 191.773 118.29 0.721648 NaN
9 "conv10*4" 200.179 281.037 280.847 193.323 118.235 0.721299 NaN
10 "conv11*4" 6.82269 10.6749 9.20038 21.9244 4.29664 0.724676 NaN
EOD
set title "mobilenet f32, 1 thread"
set xrange [-0.6:11-0.4]
set ylabel "GFLOP/s"
set yrange [*:*]
plot $g6 using 1:3:xtic(2) with linespoints lw 2.5 dt 1 pt 7 ps 1.4 lc rgb "#d62728" title "convjit", \
     $g6 using 1:4 with linespoints lw 1.2 dt 3 pt 5 ps 1 lc rgb "#1f77b4" title "convjit nhwc", \
     $g6 using 1:5 with linespoints lw 1.2 dt 3 pt 4 ps 1 lc rgb "#17becf" title "oneDNN any", \
     $g6 using 1:6 with linespoints lw 1.2 dt 3 pt 9 ps 1 lc rgb "#2ca02c" title "oneDNN nchw", \
     $g6 using 1:7 with linespoints lw 1.2 dt 3 pt 6 ps 1 lc rgb "#7f7f7f" title "im2col+BLAS", \
     $g6 using 1:8 with linespoints lw 1.2 dt 3 pt 13 ps 1 lc rgb "#9467bd" title "naive", \
     $g6 using 1:9 with linespoints lw 1.2 dt 3 pt 11 ps 1 lc rgb "#ff7f0e" title "OpenCV"
$g7 << EOD
0 "conv1*3" 305.759 532.321 447.089 142.771 43.8862 5.3596 NaN
1 "conv2*4" 202.531 275.435 510.488 502.827 199.1 1.43879 NaN
2 "conv3*4" 255.227 273.99 552.941 540.957 207.934 1.45762 NaN
3 "conv4*4" 230.302 280.595 551.444 541.78 226.253 1.39758 NaN
4 "conv5*4" 278.414 279.246 552.15 531.895 207.049 1.40598 NaN
5 "conv6*4" 208.97 280.31 548.489 537.468 226.573 1.42017 NaN
6 "conv7*4" 261.117 282.092 547.319 495.92 169.844 1.45629 NaN
7 "conv8*20" 261.863 283.439 561.401 486.436 191.315 1.43753 NaN
8 "conv9*4" 248.318 277.679 533.026 378.404 110.905 1.43917 NaN
9 "conv10*4" 198.577 281.341 531.374 381.758 123.204 1.44338 NaN
10 "conv11*4" 6.80757 10.6376 4.58385 22.2147 4.31934 0.724373 NaN
EOD
set title "mobilenet f32, 2 threads"
set xrange [-0.6:11-0.4]
set ylabel "GFLOP/s"
set yrange [*:*]
plot $g7 using 1:3:xtic(2) with linespoints lw 2.5 dt 1 pt 7 ps 1.4 lc rgb "#d62728" title "convjit", \
     $g7 using 1:4 with linespoints lw 1.2 dt 3 pt 5 ps 1 lc rgb "#1f77b4" title "convjit nhwc", \
     $g7 using 1:5 with linespoints lw 1.2 dt 3 pt 4 ps 1 lc rgb "#17becf" title "oneDNN any", \
     $g7 using 1:6 with linespoints lw 1.2 dt 3 pt 9 ps 1 lc rgb "#2ca02c" title "oneDNN nchw", \
     $g7 using 1:7 with linespoints lw 1.2 dt 3 pt 6 ps 1 lc rgb "#7f7f7f" title "im2col+BLAS", \
     $g7 using 1:8 with linespoints lw 1.2 dt 3 pt 13 ps 1 lc rgb "#9467bd" title "naive", \
     $g7 using 1:9 with linespoints lw 1.2 dt 3 pt 11 ps 1 lc rgb "#ff7f0e" title "OpenCV"
$g8 << EOD
0 "conv2_1/dw" 88.8356 148.901 116.663 7.30265 5.75861 2.47542 NaN
1 "conv2_2/dw" 10.9192 83.3047 74.8244 4.11022 5.57562 2.45966 NaN
2 "conv3_1/dw" 58.4486 138.724 118.934 7.00894 4.88031 2.42607 NaN
3 "conv3_2/dw" 8.03943 74.2391 66.2314 3.90199 4.76033 2.40534 NaN
4 "conv4_1/dw" 32.8448 119.822 111.188 6.07032 5.00522 2.33967 NaN
5 "conv4_2/dw" 9.11993 121.676 64.4209 3.11455 3.16501 2.40812 NaN
6 "conv5_1/dw" 21.6292 143.198 95.4136 4.13905 3.18808 2.33995 NaN
7 "conv5_6/dw" 8.85164 86.1707 77.5266 2.22049 1.60059 2.27458 NaN
8 "conv6/dw" 18.8513 95.4628 79.3375 2.52087 1.4854 2.14795 NaN
EOD
set title "mobilenet_dw f32, 1 thread"
set xrange [-0.6:9-0.4]
set ylabel "GFLOP/s"
set yrange [*:*]
plot $g8 using 1:3:xtic(2) with linespoints lw 2.5 dt 1 pt 7 ps 1.4 lc rgb "#d62728" title "convjit", \
     $g8 using 1:4 with linespoints lw 1.2 dt 3 pt 5 ps 1 lc rgb "#1f77b4" title "convjit nhwc", \
     $g8 using 1:5 with linespoints lw 1.2 dt 3 pt 4 ps 1 lc rgb "#17becf" title "oneDNN any", \
     $g8 using 1:6 with linespoints lw 1.2 dt 3 pt 9 ps 1 lc rgb "#2ca02c" title "oneDNN nchw", \
     $g8 using 1:7 with linespoints lw 1.2 dt 3 pt 6 ps 1 lc rgb "#7f7f7f" title "im2col+BLAS", \
     $g8 using 1:8 with linespoints lw 1.2 dt 3 pt 13 ps 1 lc rgb "#9467bd" title "naive", \
     $g8 using 1:9 with linespoints lw 1.2 dt 3 pt 11 ps 1 lc rgb "#ff7f0e" title "OpenCV"
$g9 << EOD
0 "conv2_1/dw" 145.761 288.344 220.047 14.4032 8.67392 4.55036 NaN
1 "conv2_2/dw" 13.891 155.86 135.21 7.99264 4.43345 4.90945 NaN
2 "conv3_1/dw" 109.978 265.611 215.282 13.2966 4.36263 4.84344 NaN
3 "conv3_2/dw" 14.5904 148.81 123.389 7.17713 4.78656 4.71336 NaN
4 "conv4_1/dw" 48.6161 185.24 191.806 10.8878 5.03154 4.66635 NaN
5 "conv4_2/dw" 10.587 163.758 102.36 5.14215 2.99901 4.76192 NaN
6 "conv5_1/dw" 18.1791 207.811 141.579 6.37721 3.19009 4.6379 NaN
7 "conv5_6/dw" 4.64999 74.994 77.8858 2.20446 1.6085 4.45095 NaN
8 "conv6/dw" 7.06841 78.8568 111.53 2.49672 1.4822 4.24207 NaN
EOD
set title "mobilenet_dw f32, 2 threads"
set xrange [-0.6:9-0.4]
set ylabel "GFLOP/s"
set yrange [*:*]
plot $g9 using 1:3:xtic(2) with linespoints lw 2.5 dt 1 pt 7 ps 1.4 lc rgb "#d62728" title "convjit", \
     $g9 using 1:4 with linespoints lw 1.2 dt 3 pt 5 ps 1 lc rgb "#1f77b4" title "convjit nhwc", \
     $g9 using 1:5 with linespoints lw 1.2 dt 3 pt 4 ps 1 lc rgb "#17becf" title "oneDNN any", \
     $g9 using 1:6 with linespoints lw 1.2 dt 3 pt 9 ps 1 lc rgb "#2ca02c" title "oneDNN nchw", \
     $g9 using 1:7 with linespoints lw 1.2 dt 3 pt 6 ps 1 lc rgb "#7f7f7f" title "im2col+BLAS", \
     $g9 using 1:8 with linespoints lw 1.2 dt 3 pt 13 ps 1 lc rgb "#9467bd" title "naive", \
     $g9 using 1:9 with linespoints lw 1.2 dt 3 pt 11 ps 1 lc rgb "#ff7f0e" title "OpenCV"
$g10 << EOD
0 "tensors(1000)" 118.138 56.7076 18.7715 18.6702 14.9349 3.79539 6.21
1 "batch(30060)" 146.531 56.2827 19.648 18.6004 14.7799 3.79337 6.62435
EOD
set title "ragged f32, 1 thread"
set xrange [-0.6:2-0.4]
set ylabel "GFLOP/s"
set yrange [*:*]
plot $g10 using 1:3:xtic(2) with linespoints lw 2.5 dt 1 pt 7 ps 1.4 lc rgb "#d62728" title "convjit", \
     $g10 using 1:4 with linespoints lw 1.2 dt 3 pt 5 ps 1 lc rgb "#1f77b4" title "convjit nhwc", \
     $g10 using 1:5 with linespoints lw 1.2 dt 3 pt 4 ps 1 lc rgb "#17becf" title "oneDNN any", \
     $g10 using 1:6 with linespoints lw 1.2 dt 3 pt 9 ps 1 lc rgb "#2ca02c" title "oneDNN nchw", \
     $g10 using 1:7 with linespoints lw 1.2 dt 3 pt 6 ps 1 lc rgb "#7f7f7f" title "im2col+BLAS", \
     $g10 using 1:8 with linespoints lw 1.2 dt 3 pt 13 ps 1 lc rgb "#9467bd" title "naive", \
     $g10 using 1:9 with linespoints lw 1.2 dt 3 pt 11 ps 1 lc rgb "#ff7f0e" title "OpenCV"
$g11 << EOD
0 "tensors(1000)" 194.267 84.6603 33.3854 25.0761 14.8676 7.07384 6.64385
1 "batch(30060)" 220.709 93.8818 38.9955 27.5951 14.8742 7.53513 6.573
EOD
set title "ragged f32, 2 threads"
set xrange [-0.6:2-0.4]
set ylabel "GFLOP/s"
set yrange [*:*]
plot $g11 using 1:3:xtic(2) with linespoints lw 2.5 dt 1 pt 7 ps 1.4 lc rgb "#d62728" title "convjit", \
     $g11 using 1:4 with linespoints lw 1.2 dt 3 pt 5 ps 1 lc rgb "#1f77b4" title "convjit nhwc", \
     $g11 using 1:5 with linespoints lw 1.2 dt 3 pt 4 ps 1 lc rgb "#17becf" title "oneDNN any", \
     $g11 using 1:6 with linespoints lw 1.2 dt 3 pt 9 ps 1 lc rgb "#2ca02c" title "oneDNN nchw", \
     $g11 using 1:7 with linespoints lw 1.2 dt 3 pt 6 ps 1 lc rgb "#7f7f7f" title "im2col+BLAS", \
     $g11 using 1:8 with linespoints lw 1.2 dt 3 pt 13 ps 1 lc rgb "#9467bd" title "naive", \
     $g11 using 1:9 with linespoints lw 1.2 dt 3 pt 11 ps 1 lc rgb "#ff7f0e" title "OpenCV"
unset multiplot
