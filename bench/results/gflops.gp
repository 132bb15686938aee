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
0 "image3x3" 160.263 37.7917 4.08037 11.8157 5.58965 4.17949 2.32987 56.8257
1 "small_strided" 164.515 22.0429 85.4932 41.9234 23.4026 27.804 1.62011 NaN
2 "tiny" 0.401154 0.250247 0.350149 0.102446 0.0800715 0.103845 0.139278 0.0556141
3 "im2col50" 80.7041 10.0212 8.86958 4.08553 5.70628 4.95916 1.43926 11.82
4 "im2col250" 104.617 15.5729 6.11722 7.68676 4.71682 4.27567 1.42751 35.4722
5 "im2col1000" 93.4566 15.7899 1.71849 9.20784 5.54427 5.06151 1.47655 41.5649
6 "batch1000" 161.824 49.0276 37.6844 20.4641 17.9396 13.8412 3.1643 5.95512
7 "batch30000" 141.223 48.1023 24.726 16.9522 17.2138 13.4482 3.48168 5.9102
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
0 "image3x3" 308.179 74.4723 7.66999 23.5791 5.78528 4.67464 2.37446 57.1794
1 "small_strided" 155.832 21.0661 85.2994 49.4281 30.5354 27.3364 1.61389 NaN
2 "tiny" 0.389065 0.242086 0.344568 0.0458232 0.034277 0.0984242 0.134074 0.0553992
3 "im2col50" 83.2435 10.2413 8.73457 6.46636 5.05466 4.87491 1.3811 11.1775
4 "im2col250" 171.04 28.5888 12.0169 14.6739 4.89166 7.24988 1.47226 36.1664
5 "im2col1000" 177.177 32.7091 2.94191 18.3931 5.65279 3.76863 1.50894 42.899
6 "batch1000" 312.678 69.1058 80.0816 40.5244 24.3745 13.7892 6.85467 5.96449
7 "batch30000" 202.533 77.9134 51.2198 35.2612 34.1216 13.7316 7.0088 6.06062
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
0 "image3x3" 75.084 22.2687 3.95345 NaN NaN 2.44278 2.33181 19.7231
1 "small_strided" 105.598 68.6361 67.1018 NaN NaN 18.7265 1.64391 NaN
2 "tiny" 0.418998 0.25984 0.379849 NaN NaN 0.108406 0.149552 0.0652999
3 "im2col50" 53.7036 9.59373 9.77563 NaN NaN 4.21053 1.55282 9.79664
4 "im2col250" 58.8274 12.047 6.81986 NaN NaN 3.77651 1.59418 16.9964
5 "im2col1000" 50.6235 10.5628 2.04938 NaN NaN 3.24215 1.64278 18.0582
6 "batch1000" 89.6958 45.14 41.9328 NaN NaN 10.7629 3.22694 6.08008
7 "batch30000" 80.3307 33.1713 27.4839 NaN NaN 10.192 3.31335 6.28377
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
0 "image3x3" 149.786 44.742 6.01032 NaN NaN 2.64782 2.30772 20.0261
1 "small_strided" 103.661 68.5077 68.2695 NaN NaN 18.6608 1.68388 NaN
2 "tiny" 0.417151 0.262881 0.374527 NaN NaN 0.11278 0.152293 0.0629025
3 "im2col50" 53.8917 9.69836 9.5063 NaN NaN 4.0942 1.50963 9.68805
4 "im2col250" 107.255 24.3392 12.0632 NaN NaN 2.36336 1.55335 16.7705
5 "im2col1000" 99.5226 21.8514 3.19241 NaN NaN 2.35704 1.61195 18.6609
6 "batch1000" 168.57 85.5324 83.3943 NaN NaN 10.9365 6.45318 6.3378
7 "batch30000" 138.703 59.7004 54.0966 NaN NaN 10.2027 6.50199 6.37188
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
0 "conv1" 249.831 275.908 273.948 269.314 127.802 91.527 3.98087 NaN
1 "res2a_branch1*4" 273.132 273.511 272.651 270.413 265.619 129.74 0.693893 NaN
2 "res2a_branch2a" 264.831 276.803 279.131 272.626 267.728 125.915 0.727155 NaN
3 "res2a_branch2b*3" 263.238 277.336 278.546 268.881 169.668 100.962 2.56996 NaN
4 "res2b_branch2a*2" 279.445 280.801 272.412 279.455 275.965 122.218 0.70167 NaN
5 "res3a_branch1" 236.426 265.266 263 262.031 222.112 124.812 0.674946 NaN
6 "res3a_branch2a" 224.353 256.396 247.717 262.344 165.214 109.851 0.630846 NaN
7 "res3a_branch2b*4" 255.079 273.795 274.418 269.251 175.493 105.888 2.48195 NaN
8 "res3a_branch2c*4" 270.76 277.634 277.546 274.509 274.841 134.945 0.704189 NaN
9 "res3b_branch2a*3" 279.015 278.47 279.115 279.682 272.231 127.025 0.694543 NaN
10 "res4a_branch1" 245.755 271.808 264.373 265.391 217.873 129.148 0.696405 NaN
11 "res4a_branch2a" 184.216 269.382 266.374 257.47 188.98 114.764 0.690338 NaN
12 "res4a_branch2b*6" 242.978 271.709 267.509 271.853 190.07 107.328 2.47532 NaN
13 "res4a_branch2c*6" 257.058 277.733 277.901 278.044 253.133 132.106 0.721405 NaN
14 "res4b_branch2a*5" 240.832 253.349 272.646 272.769 246.616 128.29 0.69588 NaN
15 "res5a_branch1" 259.452 283.118 280.012 276.627 164.408 116.544 0.716338 NaN
16 "res5a_branch2a" 229.607 279.029 279.923 274.532 209.365 109.493 0.696017 NaN
17 "res5a_branch2b*3" 218.791 274.599 277.162 270.635 171.219 89.3573 2.41831 NaN
18 "res5a_branch2c*3" 260.682 276.026 274.755 276.395 192.452 117.688 0.714152 NaN
19 "res5b_branch2a*2" 271.141 278.258 279.79 274.82 193.694 117.921 0.718319 NaN
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
0 "conv1" 447.426 543.509 536.58 540.221 231.333 86.9002 7.09688 NaN
1 "res2a_branch1*4" 524.511 531.708 540.724 547.363 535.405 252.874 1.4051 NaN
2 "res2a_branch2a" 540.161 275.535 278.265 544.259 520.955 237.46 1.41626 NaN
3 "res2a_branch2b*3" 509.282 545.485 554.809 534.594 311.732 104.701 5.36705 NaN
4 "res2b_branch2a*2" 543.955 280.293 275.613 548.526 550.524 234.976 1.40049 NaN
5 "res3a_branch1" 452.172 530.647 505.192 537.35 430.785 51.3931 1.34625 NaN
6 "res3a_branch2a" 428.227 511.333 534.545 530.831 314.652 34.0685 1.31802 NaN
7 "res3a_branch2b*4" 499.589 531.963 545.694 550.354 375.984 113.214 4.93783 NaN
8 "res3a_branch2c*4" 513.85 540.211 545.716 540.553 532.883 198.634 1.39307 NaN
9 "res3b_branch2a*3" 514.558 541.159 536.484 541.273 522.397 251.685 1.40216 NaN
10 "res4a_branch1" 473.771 524.909 530.985 515.289 402.556 51.4117 1.2625 NaN
11 "res4a_branch2a" 355.49 529.154 519.741 514.202 337.743 111.217 1.36043 NaN
12 "res4a_branch2b*6" 485.179 528.091 525.009 554.655 332.013 98.0339 4.97261 NaN
13 "res4a_branch2c*6" 248.077 521.82 529.731 530.021 488.044 243.879 1.38453 NaN
14 "res4b_branch2a*5" 311.381 508.242 529.634 523.126 467.281 188.65 1.41147 NaN
15 "res5a_branch1" 490.618 545.663 533.562 542.302 370.514 111.048 1.42043 NaN
16 "res5a_branch2a" 291.16 490.999 482.497 512.828 323.762 100.949 1.38185 NaN
17 "res5a_branch2b*3" 367.283 492.569 488.491 535.865 290.164 23.2142 4.83903 NaN
18 "res5a_branch2c*3" 488.199 552.044 552.574 546.101 382.079 111.419 1.43404 NaN
19 "res5b_branch2a*2" 401.76 550.743 554.487 509.837 379.164 125.231 1.43817 NaN
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
0 "conv1*3" 201.087 265.26 255.965 248.075 90.1738 77.1007 2.68486 NaN
1 "conv2*4" 275.523 275.012 273.415 270.465 260.906 121.201 0.718975 NaN
2 "conv3*4" 280.193 275.487 279.584 276.169 271.567 130.754 0.64644 NaN
3 "conv4*4" 281.41 281.774 280.393 281.142 274.744 129.337 0.701047 NaN
4 "conv5*4" 279.138 282.222 279.531 281.201 278.523 133.988 0.708705 NaN
5 "conv6*4" 280.511 281.314 275.209 281.037 277.096 135.375 0.714951 NaN
6 "conv7*4" 260.442 282.72 281.712 280.697 254.004 132.401 0.727215 NaN
7 "conv8*20" 261.672 282.396 281.429 278.306 252.725 131.29 0.718408 NaN
8 "conv9*4" 262.829 277.641 278.599 277.464 193.004 117.762 0.717554 NaN
9 "conv10*4" 269.646 280.685 279.49 279.271 192.122 113.797 0.710728 NaN
10 "conv11*4" 32.9985 32.258 23.2526 8.9986 21.8417 4.23805 0.710957 NaN
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
0 "conv1*3" 379.208 488.33 458.174 451.894 141.605 67.1883 5.3375 NaN
1 "conv2*4" 541.517 275.697 275.033 505.447 503.297 197.012 1.42956 NaN
2 "conv3*4" 544.642 546.564 554.638 547.324 535.405 250.623 1.41666 NaN
3 "conv4*4" 541.382 550.107 531.553 549.708 542.845 226.483 1.38232 NaN
4 "conv5*4" 527.87 562.386 555.019 559.657 542.401 205.786 1.40031 NaN
5 "conv6*4" 526.369 560.755 550.845 552.716 538.59 264.56 1.41845 NaN
6 "conv7*4" 260.698 501.98 500.984 558.584 509.3 247.114 1.3109 NaN
7 "conv8*20" 260.144 501.553 499.953 556.563 502.188 251.07 1.43279 NaN
8 "conv9*4" 481.37 551.058 536.941 533.476 380.611 196.079 1.43313 NaN
9 "conv10*4" 494.301 539.74 538.344 514.488 369.065 194.814 1.39834 NaN
10 "conv11*4" 32.056 32.3604 22.7612 6.88138 21.8206 4.22166 0.710417 NaN
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
0 "conv2_1/dw" 85.8459 146.632 165.913 113.629 7.18048 4.87737 2.4396 NaN
1 "conv2_2/dw" 16.0828 80.6117 89.5651 70.9568 3.75501 5.17696 2.35509 NaN
2 "conv3_1/dw" 54.9504 133.945 168.161 113.576 6.59474 5.35121 2.13412 NaN
3 "conv3_2/dw" 10.4394 76.3057 92.3709 64.3638 3.69587 4.53394 2.26495 NaN
4 "conv4_1/dw" 29.7852 106.088 158.742 89.9604 5.58617 4.57701 2.14935 NaN
5 "conv4_2/dw" 17.2254 108.927 111.829 60.0613 2.80369 2.90305 2.21866 NaN
6 "conv5_1/dw" 26.2265 137.289 165.149 87.1181 3.8551 2.90886 2.134 NaN
7 "conv5_6/dw" 10.9874 76.1878 125.976 71.0893 2.03332 1.40749 1.93169 NaN
8 "conv6/dw" 18.9303 87.2406 156.504 85.6451 2.48256 1.40104 2.05432 NaN
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
0 "conv2_1/dw" 142.067 285.4 301.353 208.66 13.4285 8.76294 4.61228 NaN
1 "conv2_2/dw" 30.7921 144.228 175.111 136.551 7.54304 5.66035 4.55837 NaN
2 "conv3_1/dw" 101.092 225.917 280.623 184.444 12.4205 3.701 4.43549 NaN
3 "conv3_2/dw" 18.3589 138.55 174.619 115.965 6.60333 4.50672 4.41968 NaN
4 "conv4_1/dw" 44.6447 169.973 254.216 174.676 9.74221 4.13277 4.2789 NaN
5 "conv4_2/dw" 16.6795 137.49 100.104 91.1818 4.26708 2.81558 4.18782 NaN
6 "conv5_1/dw" 25.1747 179.035 131.306 134.282 5.58345 2.81913 4.09095 NaN
7 "conv5_6/dw" 5.88884 70.8231 83.2115 69.6265 1.98178 1.48081 4.1098 NaN
8 "conv6/dw" 24.1638 142.763 265.109 134.498 4.61451 1.39047 4.05938 NaN
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
0 "tensors(1000)" 151.33 47.7445 NaN 17.6336 17.8358 14.6379 3.77029 6.32608
1 "batch(30060)" 161.637 51.0439 28.8012 19.5513 18.3657 14.5582 3.76454 6.43664
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
0 "tensors(1000)" 304.218 97.3845 NaN 34.6356 34.0407 14.6424 7.59998 6.34937
1 "batch(30060)" 223.199 84.5166 54.6194 38.251 26.834 14.5777 7.59185 6.40231
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
