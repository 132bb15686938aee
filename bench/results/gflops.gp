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
0 "image3x3" 155.934 154.591 4.07048 11.4947 5.40723 4.11489 2.34143 56.3225
1 "small_strided" 151.9 113.497 85.154 41.0504 23.2164 28.2945 1.65905 NaN
2 "tiny" 0.359619 0.391945 0.31405 0.106136 0.0829665 0.108608 0.147109 0.0570453
3 "im2col50" 82.7658 78.7615 9.62944 4.38834 6.09971 5.28763 1.47601 10.045
4 "im2col250" 117.951 119.141 6.80932 8.629 5.42112 4.79191 1.61722 36.7004
5 "im2col1000" 102.294 102.514 1.8145 9.80372 5.92399 4.83167 1.62733 43.1676
6 "batch1000" 174.131 127.873 39.527 21.4643 18.841 13.1656 3.40805 5.61076
7 "batch30000" 134.067 107.295 24.0383 16.6401 17.3023 13.0676 3.37193 5.60243
EOD
set title "seeds f32, 1 thread"
set xrange [-0.6:8-0.4]
set ylabel "GFLOP/s"
set yrange [*:*]
plot $g0 using 1:3:xtic(2) with linespoints lw 2.5 dt 1 pt 7 ps 1.4 lc rgb "#d62728" title "convjit", \
     $g0 using 1:4 with linespoints lw 1.2 dt 3 pt 5 ps 1 lc rgb "#1f77b4" title "convjit nhwc", \
     $g0 using 1:5 with linespoints lw 1.2 dt 3 pt 4 ps 1 lc rgb "#17becf" title "convjit blocked", \
     $g0 using 1:6 with linespoints lw 1.2 dt 3 pt 9 ps 1 lc rgb "#2ca02c" title "oneDNN any", \
     $g0 using 1:7 with linespoints lw 1.2 dt 3 pt 6 ps 1 lc rgb "#7f7f7f" title "oneDNN nchw", \
     $g0 using 1:8 with linespoints lw 1.2 dt 3 pt 13 ps 1 lc rgb "#9467bd" title "im2col+BLAS", \
     $g0 using 1:9 with linespoints lw 1.2 dt 3 pt 11 ps 1 lc rgb "#ff7f0e" title "naive", \
     $g0 using 1:10 with linespoints lw 1.2 dt 3 pt 3 ps 1 lc rgb "#8c564b" title "OpenCV"
$g1 << EOD
0 "image3x3" 288.401 290.319 8.23694 22.4851 5.60267 4.54525 2.31631 55.239
1 "small_strided" 156.991 118.351 85.468 50.0282 31.5225 29.2773 1.66574 NaN
2 "tiny" 0.35684 0.400501 0.312317 0.013003 0.0111342 0.113513 0.152597 0.0562835
3 "im2col50" 83.0528 84.4291 9.58519 6.96127 5.41476 5.10526 1.51182 10.0107
4 "im2col250" 186.433 66.9157 12.0055 15.7608 5.20699 4.04938 1.59141 35.8524
5 "im2col1000" 191.302 194.24 3.06015 19.6222 6.22717 1.99682 1.6269 43.3982
6 "batch1000" 278.012 146.424 65.8949 40.3353 23.9266 13.7515 6.74436 5.66163
7 "batch30000" 270.707 184.64 37.3176 32.3438 32.015 13.0194 6.69749 5.65983
EOD
set title "seeds f32, 2 threads"
set xrange [-0.6:8-0.4]
set ylabel "GFLOP/s"
set yrange [*:*]
plot $g1 using 1:3:xtic(2) with linespoints lw 2.5 dt 1 pt 7 ps 1.4 lc rgb "#d62728" title "convjit", \
     $g1 using 1:4 with linespoints lw 1.2 dt 3 pt 5 ps 1 lc rgb "#1f77b4" title "convjit nhwc", \
     $g1 using 1:5 with linespoints lw 1.2 dt 3 pt 4 ps 1 lc rgb "#17becf" title "convjit blocked", \
     $g1 using 1:6 with linespoints lw 1.2 dt 3 pt 9 ps 1 lc rgb "#2ca02c" title "oneDNN any", \
     $g1 using 1:7 with linespoints lw 1.2 dt 3 pt 6 ps 1 lc rgb "#7f7f7f" title "oneDNN nchw", \
     $g1 using 1:8 with linespoints lw 1.2 dt 3 pt 13 ps 1 lc rgb "#9467bd" title "im2col+BLAS", \
     $g1 using 1:9 with linespoints lw 1.2 dt 3 pt 11 ps 1 lc rgb "#ff7f0e" title "naive", \
     $g1 using 1:10 with linespoints lw 1.2 dt 3 pt 3 ps 1 lc rgb "#8c564b" title "OpenCV"
$g2 << EOD
0 "image3x3" 71.6467 72.4913 4.0214 NaN NaN 2.25981 2.23986 19.2875
1 "small_strided" 103.998 69.6791 68.4756 NaN NaN 18.8729 1.6775 NaN
2 "tiny" 0.36489 0.393945 0.311298 NaN NaN 0.108908 0.135834 0.0648125
3 "im2col50" 51.469 51.0935 9.07124 NaN NaN 4.07007 1.49658 9.48409
4 "im2col250" 55.9134 58.7517 6.62546 NaN NaN 3.58073 1.54219 16.2375
5 "im2col1000" 40.0644 43.415 1.94765 NaN NaN 3.03502 1.51422 16.891
6 "batch1000" 85.6993 65.5152 37.2057 NaN NaN 10.2154 3.0224 6.07821
7 "batch30000" 76.6389 52.3618 24.7201 NaN NaN 9.56628 3.05645 5.85988
EOD
set title "seeds f64, 1 thread"
set xrange [-0.6:8-0.4]
set ylabel "GFLOP/s"
set yrange [*:*]
plot $g2 using 1:3:xtic(2) with linespoints lw 2.5 dt 1 pt 7 ps 1.4 lc rgb "#d62728" title "convjit", \
     $g2 using 1:4 with linespoints lw 1.2 dt 3 pt 5 ps 1 lc rgb "#1f77b4" title "convjit nhwc", \
     $g2 using 1:5 with linespoints lw 1.2 dt 3 pt 4 ps 1 lc rgb "#17becf" title "convjit blocked", \
     $g2 using 1:6 with linespoints lw 1.2 dt 3 pt 9 ps 1 lc rgb "#2ca02c" title "oneDNN any", \
     $g2 using 1:7 with linespoints lw 1.2 dt 3 pt 6 ps 1 lc rgb "#7f7f7f" title "oneDNN nchw", \
     $g2 using 1:8 with linespoints lw 1.2 dt 3 pt 13 ps 1 lc rgb "#9467bd" title "im2col+BLAS", \
     $g2 using 1:9 with linespoints lw 1.2 dt 3 pt 11 ps 1 lc rgb "#ff7f0e" title "naive", \
     $g2 using 1:10 with linespoints lw 1.2 dt 3 pt 3 ps 1 lc rgb "#8c564b" title "OpenCV"
$g3 << EOD
0 "image3x3" 148.343 149.912 7.36864 NaN NaN 2.56978 2.35013 20.3855
1 "small_strided" 103.055 67.2861 68.7151 NaN NaN 19.1199 1.64311 NaN
2 "tiny" 0.361808 0.392942 0.318499 NaN NaN 0.113724 0.137818 0.0648346
3 "im2col50" 49.9256 51.7049 9.49296 NaN NaN 4.11551 1.47882 9.56578
4 "im2col250" 103.148 50.5053 11.7819 NaN NaN 2.12557 1.53144 16.2144
5 "im2col1000" 93.5514 93.2404 3.99744 NaN NaN 2.67281 1.53928 17.1344
6 "batch1000" 152.493 115.712 69.6075 NaN NaN 10.5749 6.13773 6.11003
7 "batch30000" 128.577 97.1129 43.5351 NaN NaN 9.65909 6.06092 5.36709
EOD
set title "seeds f64, 2 threads"
set xrange [-0.6:8-0.4]
set ylabel "GFLOP/s"
set yrange [*:*]
plot $g3 using 1:3:xtic(2) with linespoints lw 2.5 dt 1 pt 7 ps 1.4 lc rgb "#d62728" title "convjit", \
     $g3 using 1:4 with linespoints lw 1.2 dt 3 pt 5 ps 1 lc rgb "#1f77b4" title "convjit nhwc", \
     $g3 using 1:5 with linespoints lw 1.2 dt 3 pt 4 ps 1 lc rgb "#17becf" title "convjit blocked", \
     $g3 using 1:6 with linespoints lw 1.2 dt 3 pt 9 ps 1 lc rgb "#2ca02c" title "oneDNN any", \
     $g3 using 1:7 with linespoints lw 1.2 dt 3 pt 6 ps 1 lc rgb "#7f7f7f" title "oneDNN nchw", \
     $g3 using 1:8 with linespoints lw 1.2 dt 3 pt 13 ps 1 lc rgb "#9467bd" title "im2col+BLAS", \
     $g3 using 1:9 with linespoints lw 1.2 dt 3 pt 11 ps 1 lc rgb "#ff7f0e" title "naive", \
     $g3 using 1:10 with linespoints lw 1.2 dt 3 pt 3 ps 1 lc rgb "#8c564b" title "OpenCV"
$g4 << EOD
0 "conv1" 216.882 241.958 241.073 239.841 115.841 77.315 3.45372 NaN
1 "res2a_branch1*4" 247.443 249.303 247.873 245.819 242.078 118.044 0.642437 NaN
2 "res2a_branch2a" 254.969 263.808 262.028 259.424 248.849 116.211 0.677212 NaN
3 "res2a_branch2b*3" 235.999 254.522 259.475 249.745 159.764 88.5998 2.53037 NaN
4 "res2b_branch2a*2" 257.375 259.085 252.11 258.091 257.51 109.929 0.641105 NaN
5 "res3a_branch1" 212.529 236.706 242.35 247.357 209.668 116.943 0.632 NaN
6 "res3a_branch2a" 215.824 247.459 239.876 254.766 160.494 104.818 0.658325 NaN
7 "res3a_branch2b*4" 243.019 255.029 255.871 255.383 168.056 97.2596 2.3344 NaN
8 "res3a_branch2c*4" 252.141 254.808 255.106 254.518 250.894 119.738 0.574337 NaN
9 "res3b_branch2a*3" 251.954 248.843 254.439 255.408 246.685 118.078 0.645781 NaN
10 "res4a_branch1" 236.897 248.993 244.978 242.089 197.85 120.856 0.65528 NaN
11 "res4a_branch2a" 173.815 250.982 244.481 242.501 180.53 108.859 0.650007 NaN
12 "res4a_branch2b*6" 221.76 247.925 242.883 255.304 178.845 99.1755 2.31183 NaN
13 "res4a_branch2c*6" 224.421 241.802 243.629 241.834 218.599 113.524 0.618446 NaN
14 "res4b_branch2a*5" 226.856 235.128 249.965 250.277 226.345 118.813 0.630909 NaN
15 "res5a_branch1" 236.186 252.501 248.531 241.029 131.064 102.725 0.625833 NaN
16 "res5a_branch2a" 224.583 242.799 241.912 236.748 179.365 96.935 0.613848 NaN
17 "res5a_branch2b*3" 212.308 261.975 261.285 255.489 160.473 78.0651 2.25949 NaN
18 "res5a_branch2c*3" 253.365 267.694 266.429 266.952 183.858 112.244 0.69533 NaN
19 "res5b_branch2a*2" 245.822 252.761 263.085 264.496 183.858 112.396 0.681406 NaN
EOD
set title "resnet50 f32, 1 thread"
set xrange [-0.6:20-0.4]
set ylabel "GFLOP/s"
set yrange [*:*]
plot $g4 using 1:3:xtic(2) with linespoints lw 2.5 dt 1 pt 7 ps 1.4 lc rgb "#d62728" title "convjit", \
     $g4 using 1:4 with linespoints lw 1.2 dt 3 pt 5 ps 1 lc rgb "#1f77b4" title "convjit nhwc", \
     $g4 using 1:5 with linespoints lw 1.2 dt 3 pt 4 ps 1 lc rgb "#17becf" title "convjit blocked", \
     $g4 using 1:6 with linespoints lw 1.2 dt 3 pt 9 ps 1 lc rgb "#2ca02c" title "oneDNN any", \
     $g4 using 1:7 with linespoints lw 1.2 dt 3 pt 6 ps 1 lc rgb "#7f7f7f" title "oneDNN nchw", \
     $g4 using 1:8 with linespoints lw 1.2 dt 3 pt 13 ps 1 lc rgb "#9467bd" title "im2col+BLAS", \
     $g4 using 1:9 with linespoints lw 1.2 dt 3 pt 11 ps 1 lc rgb "#ff7f0e" title "naive", \
     $g4 using 1:10 with linespoints lw 1.2 dt 3 pt 3 ps 1 lc rgb "#8c564b" title "OpenCV"
$g5 << EOD
0 "conv1" 443.86 488.746 485.418 479.405 228.383 77.1573 6.54366 NaN
1 "res2a_branch1*4" 465.888 482.542 489.832 494.845 491.213 235.737 1.3224 NaN
2 "res2a_branch2a" 500.995 258.981 254.928 499.954 486.521 217.302 1.28075 NaN
3 "res2a_branch2b*3" 468.404 521.777 516.679 503.723 269.726 84.157 4.89832 NaN
4 "res2b_branch2a*2" 490.743 262.204 249.333 485.821 480.39 201.411 1.26378 NaN
5 "res3a_branch1" 426.025 493.776 499.262 514.632 406.476 121.131 1.29764 NaN
6 "res3a_branch2a" 430.294 491.72 492.043 500.567 295.015 11.3186 1.26464 NaN
7 "res3a_branch2b*4" 479.846 503.828 502.656 502.135 334.643 102.016 4.63365 NaN
8 "res3a_branch2c*4" 470.334 505.022 507.819 496.913 481.038 235.056 1.2465 NaN
9 "res3b_branch2a*3" 471.921 492.03 487.961 485.039 475.768 199.666 1.27454 NaN
10 "res4a_branch1" 447.443 504.897 496.576 478.142 341.062 56.1937 1.29766 NaN
11 "res4a_branch2a" 332.949 494.16 494.857 475.005 325.521 14.2739 1.26861 NaN
12 "res4a_branch2b*6" 444.355 484.309 477.649 503.281 304.124 79.8939 4.34093 NaN
13 "res4a_branch2c*6" 218.098 461.934 470.086 458.82 429.829 212.331 1.22082 NaN
14 "res4b_branch2a*5" 392.025 479.256 484.224 489.429 440.34 216.782 1.24395 NaN
15 "res5a_branch1" 342.572 473.991 478.043 470.302 331.87 34.6392 1.25458 NaN
16 "res5a_branch2a" 378.109 432.882 429.09 459.792 310.075 95.0575 1.33723 NaN
17 "res5a_branch2b*3" 366.143 471.357 460.748 510.151 288.323 85.5363 4.64506 NaN
18 "res5a_branch2c*3" 466.697 525.535 528.487 524.467 366.139 194.067 1.31818 NaN
19 "res5b_branch2a*2" 484.371 518.288 502.736 476.483 356.635 185.28 1.33127 NaN
EOD
set title "resnet50 f32, 2 threads"
set xrange [-0.6:20-0.4]
set ylabel "GFLOP/s"
set yrange [*:*]
plot $g5 using 1:3:xtic(2) with linespoints lw 2.5 dt 1 pt 7 ps 1.4 lc rgb "#d62728" title "convjit", \
     $g5 using 1:4 with linespoints lw 1.2 dt 3 pt 5 ps 1 lc rgb "#1f77b4" title "convjit nhwc", \
     $g5 using 1:5 with linespoints lw 1.2 dt 3 pt 4 ps 1 lc rgb "#17becf" title "convjit blocked", \
     $g5 using 1:6 with linespoints lw 1.2 dt 3 pt 9 ps 1 lc rgb "#2ca02c" title "oneDNN any", \
     $g5 using 1:7 with linespoints lw 1.2 dt 3 pt 6 ps 1 lc rgb "#7f7f7f" title "oneDNN nchw", \
     $g5 using 1:8 with linespoints lw 1.2 dt 3 pt 13 ps 1 lc rgb "#9467bd" title "im2col+BLAS", \
     $g5 using 1:9 with linespoints lw 1.2 dt 3 pt 11 ps 1 lc rgb "#ff7f0e" title "naive", \
     $g5 using 1:10 with linespoints lw 1.2 dt 3 pt 3 ps 1 lc rgb "#8c564b" title "OpenCV"
$g6 << EOD
0 "conv1*3" 199.074 254.026 243.754 237.289 83.1793 68.5291 2.53794 NaN
1 "conv2*4" 261.429 260.702 261.516 256.96 249.04 113.682 0.658798 NaN
2 "conv3*4" 260.274 253.802 258.678 251.447 247.149 119.762 0.660372 NaN
3 "conv4*4" 253.447 248.85 246.069 247.366 247.908 118.142 0.636734 NaN
4 "conv5*4" 258.306 259.273 262.858 258.584 257.58 124.093 0.592377 NaN
5 "conv6*4" 263.427 265.131 257.243 261.702 254.55 125.651 0.678026 NaN
6 "conv7*4" 246.302 266.512 271.168 265.162 242.761 122.963 0.689031 NaN
7 "conv8*20" 247.625 271.041 267.004 270.227 242.002 124.217 0.679887 NaN
8 "conv9*4" 244.118 262.148 265.087 266.447 176.95 108.978 0.661953 NaN
9 "conv10*4" 257.239 265.373 266.191 268.707 180.734 108.471 0.670518 NaN
10 "conv11*4" 27.2897 29.1035 21.3761 8.51261 20.8625 4.05857 0.680464 NaN
EOD
set title "mobilenet f32, 1 thread"
set xrange [-0.6:11-0.4]
set ylabel "GFLOP/s"
set yrange [*:*]
plot $g6 using 1:3:xtic(2) with linespoints lw 2.5 dt 1 pt 7 ps 1.4 lc rgb "#d62728" title "convjit", \
     $g6 using 1:4 with linespoints lw 1.2 dt 3 pt 5 ps 1 lc rgb "#1f77b4" title "convjit nhwc", \
     $g6 using 1:5 with linespoints lw 1.2 dt 3 pt 4 ps 1 lc rgb "#17becf" title "convjit blocked", \
     $g6 using 1:6 with linespoints lw 1.2 dt 3 pt 9 ps 1 lc rgb "#2ca02c" title "oneDNN any", \
     $g6 using 1:7 with linespoints lw 1.2 dt 3 pt 6 ps 1 lc rgb "#7f7f7f" title "oneDNN nchw", \
     $g6 using 1:8 with linespoints lw 1.2 dt 3 pt 13 ps 1 lc rgb "#9467bd" title "im2col+BLAS", \
     $g6 using 1:9 with linespoints lw 1.2 dt 3 pt 11 ps 1 lc rgb "#ff7f0e" title "naive", \
     $g6 using 1:10 with linespoints lw 1.2 dt 3 pt 3 ps 1 lc rgb "#8c564b" title "OpenCV"
$g7 << EOD
0 "conv1*3" 382.772 503.373 472.034 452.99 166.712 76.308 5.04671 NaN
1 "conv2*4" 497.238 254.895 253.898 487.515 463.223 208.583 1.32244 NaN
2 "conv3*4" 489.286 494.114 486.457 485.91 486.296 226.634 1.28348 NaN
3 "conv4*4" 495.151 500.724 487.524 487.735 499.011 208.001 1.2775 NaN
4 "conv5*4" 488.48 507.223 513.562 507.52 498.288 193.289 1.31703 NaN
5 "conv6*4" 493.843 528.641 514.865 508.521 503.629 250.508 1.35325 NaN
6 "conv7*4" 244.059 475.01 475.367 514.372 462.628 159.57 1.36974 NaN
7 "conv8*20" 247.515 468.028 475.479 525.325 449.739 174.435 1.32887 NaN
8 "conv9*4" 430.72 479.504 479.103 501.556 360.038 184.927 1.36504 NaN
9 "conv10*4" 477.871 516.837 511.902 499.799 356.99 189.04 1.33523 NaN
10 "conv11*4" 30.0736 31.0375 21.5913 6.67453 20.8575 4.08751 0.673904 NaN
EOD
set title "mobilenet f32, 2 threads"
set xrange [-0.6:11-0.4]
set ylabel "GFLOP/s"
set yrange [*:*]
plot $g7 using 1:3:xtic(2) with linespoints lw 2.5 dt 1 pt 7 ps 1.4 lc rgb "#d62728" title "convjit", \
     $g7 using 1:4 with linespoints lw 1.2 dt 3 pt 5 ps 1 lc rgb "#1f77b4" title "convjit nhwc", \
     $g7 using 1:5 with linespoints lw 1.2 dt 3 pt 4 ps 1 lc rgb "#17becf" title "convjit blocked", \
     $g7 using 1:6 with linespoints lw 1.2 dt 3 pt 9 ps 1 lc rgb "#2ca02c" title "oneDNN any", \
     $g7 using 1:7 with linespoints lw 1.2 dt 3 pt 6 ps 1 lc rgb "#7f7f7f" title "oneDNN nchw", \
     $g7 using 1:8 with linespoints lw 1.2 dt 3 pt 13 ps 1 lc rgb "#9467bd" title "im2col+BLAS", \
     $g7 using 1:9 with linespoints lw 1.2 dt 3 pt 11 ps 1 lc rgb "#ff7f0e" title "naive", \
     $g7 using 1:10 with linespoints lw 1.2 dt 3 pt 3 ps 1 lc rgb "#8c564b" title "OpenCV"
$g8 << EOD
0 "conv2_1/dw" 93.6395 142.645 159.921 108.189 6.74774 5.60469 2.29882 NaN
1 "conv2_2/dw" 19.8456 82.1438 90.4058 72.2871 3.86499 5.23366 2.34722 NaN
2 "conv3_1/dw" 70.8536 133.808 157.457 110.938 6.66724 4.58241 2.32261 NaN
3 "conv3_2/dw" 13.8181 78.0498 98.1212 69.5994 3.71061 4.47789 2.21627 NaN
4 "conv4_1/dw" 42.5602 109.153 159.532 94.3816 5.63484 4.6132 2.12856 NaN
5 "conv4_2/dw" 23.1666 112.494 110.47 62.8524 2.87831 2.97898 2.2494 NaN
6 "conv5_1/dw" 39.0064 140.088 164.664 91.8799 4.19213 2.98149 2.1787 NaN
7 "conv5_6/dw" 18.166 77.6401 124.272 70.7922 2.04825 1.45467 2.07496 NaN
8 "conv6/dw" 29.4293 85.3623 146.789 83.3046 2.32411 1.37344 2.00808 NaN
EOD
set title "mobilenet_dw f32, 1 thread"
set xrange [-0.6:9-0.4]
set ylabel "GFLOP/s"
set yrange [*:*]
plot $g8 using 1:3:xtic(2) with linespoints lw 2.5 dt 1 pt 7 ps 1.4 lc rgb "#d62728" title "convjit", \
     $g8 using 1:4 with linespoints lw 1.2 dt 3 pt 5 ps 1 lc rgb "#1f77b4" title "convjit nhwc", \
     $g8 using 1:5 with linespoints lw 1.2 dt 3 pt 4 ps 1 lc rgb "#17becf" title "convjit blocked", \
     $g8 using 1:6 with linespoints lw 1.2 dt 3 pt 9 ps 1 lc rgb "#2ca02c" title "oneDNN any", \
     $g8 using 1:7 with linespoints lw 1.2 dt 3 pt 6 ps 1 lc rgb "#7f7f7f" title "oneDNN nchw", \
     $g8 using 1:8 with linespoints lw 1.2 dt 3 pt 13 ps 1 lc rgb "#9467bd" title "im2col+BLAS", \
     $g8 using 1:9 with linespoints lw 1.2 dt 3 pt 11 ps 1 lc rgb "#ff7f0e" title "naive", \
     $g8 using 1:10 with linespoints lw 1.2 dt 3 pt 3 ps 1 lc rgb "#8c564b" title "OpenCV"
$g9 << EOD
0 "conv2_1/dw" 143.294 230.102 253.273 194.194 13.3389 4.4617 4.62839 NaN
1 "conv2_2/dw" 37.2735 148.418 155.687 136.833 7.62389 7.59026 4.61396 NaN
2 "conv3_1/dw" 134.868 254.612 277.273 201.221 12.7096 3.7823 4.55771 NaN
3 "conv3_2/dw" 25.8846 172.304 207.59 135.436 7.06608 4.3422 4.3567 NaN
4 "conv4_1/dw" 81.1654 253.471 354.23 204.741 11.0433 4.74861 4.32306 NaN
5 "conv4_2/dw" 42.5559 198.476 190.625 126.97 5.55971 2.96954 4.4811 NaN
6 "conv5_1/dw" 71.7702 272.142 302.61 174.423 7.70525 2.94468 4.20435 NaN
7 "conv5_6/dw" 20.558 105.621 171.349 105.936 3.85839 1.45992 4.10366 NaN
8 "conv6/dw" 28.3986 53.7391 131.39 93.5634 2.32034 1.29674 3.79386 NaN
EOD
set title "mobilenet_dw f32, 2 threads"
set xrange [-0.6:9-0.4]
set ylabel "GFLOP/s"
set yrange [*:*]
plot $g9 using 1:3:xtic(2) with linespoints lw 2.5 dt 1 pt 7 ps 1.4 lc rgb "#d62728" title "convjit", \
     $g9 using 1:4 with linespoints lw 1.2 dt 3 pt 5 ps 1 lc rgb "#1f77b4" title "convjit nhwc", \
     $g9 using 1:5 with linespoints lw 1.2 dt 3 pt 4 ps 1 lc rgb "#17becf" title "convjit blocked", \
     $g9 using 1:6 with linespoints lw 1.2 dt 3 pt 9 ps 1 lc rgb "#2ca02c" title "oneDNN any", \
     $g9 using 1:7 with linespoints lw 1.2 dt 3 pt 6 ps 1 lc rgb "#7f7f7f" title "oneDNN nchw", \
     $g9 using 1:8 with linespoints lw 1.2 dt 3 pt 13 ps 1 lc rgb "#9467bd" title "im2col+BLAS", \
     $g9 using 1:9 with linespoints lw 1.2 dt 3 pt 11 ps 1 lc rgb "#ff7f0e" title "naive", \
     $g9 using 1:10 with linespoints lw 1.2 dt 3 pt 3 ps 1 lc rgb "#8c564b" title "OpenCV"
$g10 << EOD
0 "tensors(1000)" 139.834 104.791 NaN 16.4531 16.4361 12.9813 3.15844 5.39192
1 "batch(30060)" 136.179 100.709 24.586 16.0181 16.4088 12.9188 3.32026 5.4721
EOD
set title "ragged f32, 1 thread"
set xrange [-0.6:2-0.4]
set ylabel "GFLOP/s"
set yrange [*:*]
plot $g10 using 1:3:xtic(2) with linespoints lw 2.5 dt 1 pt 7 ps 1.4 lc rgb "#d62728" title "convjit", \
     $g10 using 1:4 with linespoints lw 1.2 dt 3 pt 5 ps 1 lc rgb "#1f77b4" title "convjit nhwc", \
     $g10 using 1:5 with linespoints lw 1.2 dt 3 pt 4 ps 1 lc rgb "#17becf" title "convjit blocked", \
     $g10 using 1:6 with linespoints lw 1.2 dt 3 pt 9 ps 1 lc rgb "#2ca02c" title "oneDNN any", \
     $g10 using 1:7 with linespoints lw 1.2 dt 3 pt 6 ps 1 lc rgb "#7f7f7f" title "oneDNN nchw", \
     $g10 using 1:8 with linespoints lw 1.2 dt 3 pt 13 ps 1 lc rgb "#9467bd" title "im2col+BLAS", \
     $g10 using 1:9 with linespoints lw 1.2 dt 3 pt 11 ps 1 lc rgb "#ff7f0e" title "naive", \
     $g10 using 1:10 with linespoints lw 1.2 dt 3 pt 3 ps 1 lc rgb "#8c564b" title "OpenCV"
$g11 << EOD
0 "tensors(1000)" 263.33 184.543 NaN 29.3185 29.8655 12.5647 6.01534 5.3181
1 "batch(30060)" 277.153 195.479 41.2579 32.1925 31.3238 12.8803 6.58748 5.29838
EOD
set title "ragged f32, 2 threads"
set xrange [-0.6:2-0.4]
set ylabel "GFLOP/s"
set yrange [*:*]
plot $g11 using 1:3:xtic(2) with linespoints lw 2.5 dt 1 pt 7 ps 1.4 lc rgb "#d62728" title "convjit", \
     $g11 using 1:4 with linespoints lw 1.2 dt 3 pt 5 ps 1 lc rgb "#1f77b4" title "convjit nhwc", \
     $g11 using 1:5 with linespoints lw 1.2 dt 3 pt 4 ps 1 lc rgb "#17becf" title "convjit blocked", \
     $g11 using 1:6 with linespoints lw 1.2 dt 3 pt 9 ps 1 lc rgb "#2ca02c" title "oneDNN any", \
     $g11 using 1:7 with linespoints lw 1.2 dt 3 pt 6 ps 1 lc rgb "#7f7f7f" title "oneDNN nchw", \
     $g11 using 1:8 with linespoints lw 1.2 dt 3 pt 13 ps 1 lc rgb "#9467bd" title "im2col+BLAS", \
     $g11 using 1:9 with linespoints lw 1.2 dt 3 pt 11 ps 1 lc rgb "#ff7f0e" title "naive", \
     $g11 using 1:10 with linespoints lw 1.2 dt 3 pt 3 ps 1 lc rgb "#8c564b" title "OpenCV"
unset multiplot
