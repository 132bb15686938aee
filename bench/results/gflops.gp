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
0 "image3x3" 166.909 38.9745 4.514 12.304 6.00186 4.48374 2.48677 60.9542
1 "small_strided" 173.523 23.4707 92.1492 43.4958 24.4496 29.3104 1.74514 NaN
2 "tiny" 0.502063 0.308531 0.435731 0.107681 0.0861913 0.112966 0.155284 0.0612738
3 "im2col50" 97.3236 11.5065 10.1667 4.36776 6.43838 5.52461 1.63109 13.147
4 "im2col250" 125.807 18.1904 7.10317 8.90544 5.57835 5.05783 1.69344 38.6979
5 "im2col1000" 112.408 19.1177 2.10583 10.3293 6.56488 5.83079 1.69835 48.3237
6 "batch1000" 178.95 54.2134 49.788 22.6568 20.0901 15.1325 3.36057 6.48637
7 "batch30000" 142.176 53.2532 39.2806 19.4163 19.0218 14.5772 3.37694 6.5769
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
0 "image3x3" 326.738 73.4281 9.08114 25.0971 6.11055 4.91177 2.47888 60.667
1 "small_strided" 174.623 23.3353 91.217 22.6853 17.4427 29.0189 1.75359 NaN
2 "tiny" 0.502487 0.310436 0.422471 0.0531672 0.0402929 0.113398 0.154011 0.0610081
3 "im2col50" 94.6137 11.6233 10.2444 7.50481 5.79307 5.58087 1.6243 13.1593
4 "im2col250" 200.144 32.9117 13.5852 17.6226 5.66181 8.07429 1.68856 41.4023
5 "im2col1000" 208.094 34.5091 4.26286 20.4244 6.50194 2.07564 1.69396 47.941
6 "batch1000" 358.907 102.209 94.4252 44.2662 39.2074 15.1187 6.69775 6.54829
7 "batch30000" 235.204 88.6085 76.8342 40.0067 26.4406 15.0102 6.74716 6.59222
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
0 "image3x3" 81.9614 24.2434 4.34417 NaN NaN 2.7644 2.4971 21.8124
1 "small_strided" 114.459 71.2527 74.2809 NaN NaN 20.0209 1.77526 NaN
2 "tiny" 0.509752 0.309674 0.442243 NaN NaN 0.116982 0.156631 0.0687433
3 "im2col50" 58.8761 10.3317 10.268 NaN NaN 4.39216 1.62576 9.42143
4 "im2col250" 60.3967 12.8051 7.23286 NaN NaN 3.94331 1.68999 17.759
5 "im2col1000" 50.8817 11.5728 2.15764 NaN NaN 3.49597 1.61343 19.3245
6 "batch1000" 88.1449 46.7304 47.0134 NaN NaN 11.4272 3.84712 6.50169
7 "batch30000" 67.4771 46.2671 39.681 NaN NaN 10.7436 3.84719 6.46219
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
0 "image3x3" 160.068 47.3108 8.67151 NaN NaN 2.4901 2.49894 21.1439
1 "small_strided" 116.355 75.2308 74.9089 NaN NaN 19.8673 1.77717 NaN
2 "tiny" 0.508601 0.30959 0.435473 NaN NaN 0.117853 0.157081 0.0679536
3 "im2col50" 58.393 10.3195 10.2599 NaN NaN 4.39509 1.62673 10.4809
4 "im2col250" 112.578 15.57 13.0458 NaN NaN 2.43571 1.67897 17.6664
5 "im2col1000" 103.996 26.3225 4.38535 NaN NaN 2.72419 1.68992 18.8584
6 "batch1000" 182.567 75.231 107.009 NaN NaN 11.384 7.66848 6.39665
7 "batch30000" 142.574 76.3481 76.5311 NaN NaN 10.6984 7.67879 6.5118
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
0 "conv1" 226.2 281.036 278.369 278.152 135.682 86.681 3.78874 NaN
1 "res2a_branch1*4" 255.145 279.4 280.449 276.7 271.147 132.418 0.72955 NaN
2 "res2a_branch2a" 249.242 277.072 277.598 273.862 268.955 126.055 0.729694 NaN
3 "res2a_branch2b*3" 259.671 273.966 279.464 270.802 170.571 86.9511 2.69017 NaN
4 "res2b_branch2a*2" 215.363 279.04 274.206 276.857 278.555 122.517 0.701964 NaN
5 "res3a_branch1" 212.96 266.627 268.798 275.618 233.034 130.685 0.697834 NaN
6 "res3a_branch2a" 148.819 270.7 269.602 276.5 168.146 112.751 0.701802 NaN
7 "res3a_branch2b*4" 261.998 282.996 282.997 281.321 186.41 109.533 2.59582 NaN
8 "res3a_branch2c*4" 280.856 281.61 280.678 277.289 278.063 135.262 0.706712 NaN
9 "res3b_branch2a*3" 250.685 279.174 278.295 281.21 275.989 131.043 0.709494 NaN
10 "res4a_branch1" 247.899 273.889 267.285 265.734 218.831 130.377 0.713581 NaN
11 "res4a_branch2a" 214.83 274.873 274.885 265.083 196.427 119.42 0.711022 NaN
12 "res4a_branch2b*6" 246.528 272.912 270.89 280.728 198.408 109.476 2.53475 NaN
13 "res4a_branch2c*6" 259.218 280.918 281.969 281.008 256.935 133.918 0.67102 NaN
14 "res4b_branch2a*5" 254.511 265.697 275.303 278.807 253.794 132.162 0.71954 NaN
15 "res5a_branch1" 257.005 282.572 280.044 279.249 166.781 116.947 0.720287 NaN
16 "res5a_branch2a" 228.013 281.988 274.342 276.719 207.732 111.168 0.718176 NaN
17 "res5a_branch2b*3" 222.71 276.237 277.637 271.677 172.953 90.6024 2.39572 NaN
18 "res5a_branch2c*3" 260.667 276.358 276.621 277.041 192.975 117.649 0.713948 NaN
19 "res5b_branch2a*2" 266.703 276.548 277.074 275.369 193.163 118.011 0.721146 NaN
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
0 "conv1" 425.999 556.98 551.036 549.931 243.611 55.0733 7.52917 NaN
1 "res2a_branch1*4" 259.017 552.891 552.206 537.519 532.926 210.86 1.41454 NaN
2 "res2a_branch2a" 252.787 274.462 278.651 544.706 522.509 200.751 1.43004 NaN
3 "res2a_branch2b*3" 517.929 544.409 554.334 529.64 288.962 36.4333 5.255 NaN
4 "res2b_branch2a*2" 214.184 276.813 273.892 544.866 539.114 220.409 1.37537 NaN
5 "res3a_branch1" 397.89 540.674 511.915 547.807 403.338 129.715 1.38946 NaN
6 "res3a_branch2a" 366.689 544.758 535.577 548.537 326.373 39.1964 1.39224 NaN
7 "res3a_branch2b*4" 520.745 565.496 563.66 555.156 310.585 105.572 5.16279 NaN
8 "res3a_branch2c*4" 279.318 555.769 557.669 545.701 534.148 206.306 1.40967 NaN
9 "res3b_branch2a*3" 249.577 551.378 552.18 547.985 528.93 255.454 1.42343 NaN
10 "res4a_branch1" 492.519 544.271 540.822 523.564 412.06 125.31 1.28797 NaN
11 "res4a_branch2a" 380.85 538.25 534.57 509.096 278.096 89.1028 1.38959 NaN
12 "res4a_branch2b*6" 465.467 535.993 528.709 551.851 293.609 39.8923 5.02365 NaN
13 "res4a_branch2c*6" 259.486 541.103 539.649 533.508 498.858 176.658 1.4524 NaN
14 "res4b_branch2a*5" 303.335 521.56 547.716 542.053 476.474 193.561 1.42626 NaN
15 "res5a_branch1" 487.722 546.428 544.819 547.789 389.987 75.1806 1.43244 NaN
16 "res5a_branch2a" 398.903 493.002 488.685 511.34 313.545 104.019 1.42329 NaN
17 "res5a_branch2b*3" 362.688 491.679 488.547 538.934 286.213 25.2549 4.80378 NaN
18 "res5a_branch2c*3" 432.814 546.903 546.549 544.352 381.831 110.873 1.42251 NaN
19 "res5b_branch2a*2" 403.771 546.317 546.769 512.337 382.585 122.518 1.4425 NaN
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
0 "conv1*3" 156.93 266.938 255.582 247.138 87.9106 72.4313 2.69145 NaN
1 "conv2*4" 252.167 276.406 273.938 270.711 260.179 120.858 0.720195 NaN
2 "conv3*4" 259.616 274.016 277.439 274.187 269.622 129.855 0.72731 NaN
3 "conv4*4" 230.709 280.952 280.054 281.247 274.595 128.987 0.701432 NaN
4 "conv5*4" 279.425 280.745 278 279.678 268.003 133.486 0.705486 NaN
5 "conv6*4" 249.476 280.862 274.05 279.029 274.216 134.459 0.710734 NaN
6 "conv7*4" 259.434 282.178 281.803 280.373 255.444 132.464 0.726792 NaN
7 "conv8*20" 260.949 282.972 282.116 281.153 252.943 132.418 0.717219 NaN
8 "conv9*4" 261.577 278.514 278.691 278.111 194.538 118.219 0.720497 NaN
9 "conv10*4" 269.149 280.736 279.736 278.027 193.775 117.822 0.671211 NaN
10 "conv11*4" 24.5734 24.7787 24.3812 9.09608 21.7899 4.29021 0.720925 NaN
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
0 "conv1*3" 197.877 483.281 462.024 448.412 141.463 66.214 5.33553 NaN
1 "conv2*4" 202.847 275.778 274.327 506.737 507.294 199.846 1.43531 NaN
2 "conv3*4" 253.384 533.761 544.743 531.188 532.702 208.264 1.42262 NaN
3 "conv4*4" 225.789 552.527 545.014 552.737 534.748 225.457 1.38486 NaN
4 "conv5*4" 276.801 551.719 550.146 549.81 532.849 205.136 1.40582 NaN
5 "conv6*4" 308.563 553.426 537.98 548.245 534.552 227.053 1.41423 NaN
6 "conv7*4" 259.696 497.221 496.942 546.94 498.238 170.26 1.3109 NaN
7 "conv8*20" 260.573 497.316 496.933 556.042 501.392 249.711 1.43203 NaN
8 "conv9*4" 483.658 549.727 533.058 525.036 378.512 109.367 1.43379 NaN
9 "conv10*4" 436.48 553.732 555.516 531.31 382.936 121.289 1.44121 NaN
10 "conv11*4" 24.8001 24.7357 24.2225 4.35424 21.6872 4.27422 0.72219 NaN
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
0 "conv2_1/dw" 87.5874 150.256 176.596 114.885 7.27766 6.35447 2.46861 NaN
1 "conv2_2/dw" 10.9437 82.9913 96.3948 75.1297 4.0854 5.52606 2.46337 NaN
2 "conv3_1/dw" 57.8049 137.677 183.001 116.915 6.9632 5.79767 2.42426 NaN
3 "conv3_2/dw" 8.02579 86.6343 99.8826 69.5898 3.91372 4.78789 2.41365 NaN
4 "conv4_1/dw" 33.0376 119.825 178.317 110.413 6.1246 4.80215 2.35024 NaN
5 "conv4_2/dw" 17.7183 116.206 141.685 66.9141 3.03258 3.15406 2.41002 NaN
6 "conv5_1/dw" 29.978 130.775 186.447 96.4032 4.23257 3.03376 2.33702 NaN
7 "conv5_6/dw" 12.7158 85.7796 124.062 77.2217 2.22847 1.5955 2.28151 NaN
8 "conv6/dw" 17.8044 92.5746 160.703 90.852 2.60034 1.45464 2.14146 NaN
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
0 "conv2_1/dw" 94.1839 246.368 263.446 206.745 14.197 4.88103 4.89686 NaN
1 "conv2_2/dw" 13.8807 156.509 161.926 134.364 7.9679 4.39151 4.86007 NaN
2 "conv3_1/dw" 89.111 249.411 309.052 200.523 13.1577 4.36436 4.83626 NaN
3 "conv3_2/dw" 14.5055 160.926 171.053 123.588 7.10741 4.81085 4.7182 NaN
4 "conv4_1/dw" 50.4954 183.775 302.396 190.982 10.6029 4.75873 4.62803 NaN
5 "conv4_2/dw" 18.3516 169.315 115.828 102.766 5.01227 3.15724 4.75839 NaN
6 "conv5_1/dw" 56.4438 208.09 156.577 149.622 6.42031 3.11274 4.65487 NaN
7 "conv5_6/dw" 6.82355 76.2644 93.1178 82.175 2.30948 1.54784 4.45908 NaN
8 "conv6/dw" 11.1157 67.3956 144.166 101.355 2.5017 1.37569 4.19651 NaN
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
0 "tensors(1000)" 138.486 50.6137 NaN 19.0574 18.8803 15.0006 3.41017 6.61072
1 "batch(30060)" 137.304 52.6102 38.1755 19.6234 19.2466 14.9364 3.37838 6.61128
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
0 "tensors(1000)" 214.65 86.5672 NaN 34.0133 25.2308 14.8584 6.44873 6.59529
1 "batch(30060)" 234.885 88.7959 54.8295 39.178 37.9923 15.071 6.7758 6.56421
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
