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
0 "image3x3" 172.604 37.8513 4.67757 12.702 6.13498 4.5514 2.4957 59.887
1 "small_strided" 171.371 22.5347 91.5604 43.7803 24.8166 30.1998 1.67786 NaN
2 "tiny" 0.462573 0.286078 0.3914 0.113248 0.0872708 0.113538 0.153928 0.0611145
3 "im2col50" 93.23 11.3055 10.1406 4.59354 6.47787 5.63474 1.60618 10.6589
4 "im2col250" 123.534 17.6918 7.1101 9.01698 5.63054 5.12709 1.69828 38.5809
5 "im2col1000" 109.181 18.1063 2.00312 10.4817 6.64308 6.02869 1.70217 46.1599
6 "batch1000" 182.132 52.6186 45.2207 22.7041 20.0667 15.246 3.82913 6.17661
7 "batch30000" 160.785 49.0603 31.2564 19.648 19.1391 14.9962 3.82425 6.20478
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
0 "image3x3" 306.443 72.9701 9.12196 25.1529 5.96786 5.334 2.51615 60.9331
1 "small_strided" 170.195 22.4038 91.2285 21.777 15.9793 30.0888 1.76275 NaN
2 "tiny" 0.464636 0.282407 0.407452 0.0143513 0.012951 0.113814 0.155734 0.0604854
3 "im2col50" 91.8537 11.3974 10.1318 7.43 5.7679 5.59289 1.60472 10.6785
4 "im2col250" 73.6495 18.1757 13.0453 16.5573 5.6123 4.41654 1.68817 38.5339
5 "im2col1000" 199.192 32.2709 4.37263 20.7724 6.65823 2.93301 1.69245 46.5525
6 "batch1000" 284.858 74.5609 78.1737 44.5797 26.5152 15.1092 7.3546 6.18581
7 "batch30000" 251.981 78.9498 57.5368 40.1386 26.1612 15.0614 7.6723 6.18702
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
0 "image3x3" 81.2883 25.3557 4.37353 NaN NaN 2.94897 2.52565 22.1133
1 "small_strided" 113.894 74.2623 74.0941 NaN NaN 20.0962 1.77147 NaN
2 "tiny" 0.461153 0.284827 0.407504 NaN NaN 0.120405 0.154448 0.0703975
3 "im2col50" 54.752 10.2938 10.2212 NaN NaN 4.38275 1.60528 9.92012
4 "im2col250" 61.0339 12.8802 7.0982 NaN NaN 3.81871 1.65964 17.4048
5 "im2col1000" 49.5388 11.6862 2.12527 NaN NaN 3.50813 1.64236 19.0229
6 "batch1000" 90.9364 46.1325 44.709 NaN NaN 11.3581 3.34995 6.48617
7 "batch30000" 81.4052 38.3078 28.5014 NaN NaN 10.4283 3.3433 6.34451
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
0 "image3x3" 161.332 55.0456 8.89587 NaN NaN 2.69046 2.50973 22.4527
1 "small_strided" 113.094 73.502 73.6624 NaN NaN 20.1928 1.77246 NaN
2 "tiny" 0.464562 0.282073 0.399016 NaN NaN 0.120214 0.154877 0.070906
3 "im2col50" 54.9872 10.3468 10.2211 NaN NaN 4.36388 1.59678 10.2589
4 "im2col250" 53.1062 15.6162 12.7565 NaN NaN 2.36292 1.6676 17.5473
5 "im2col1000" 106.85 25.4519 4.09261 NaN NaN 2.55876 1.65884 18.8925
6 "batch1000" 167.517 79.3246 78.6551 NaN NaN 11.299 6.66837 6.40187
7 "batch30000" 143.582 67.6382 43.686 NaN NaN 10.4584 6.64144 6.28232
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
0 "conv1" 251.7 276.577 273.438 269.444 129.81 84.0673 3.71661 NaN
1 "res2a_branch1*4" 269.831 270.689 273.166 268.047 266.88 127.811 0.642245 NaN
2 "res2a_branch2a" 270.611 270.804 271.234 265.257 259.312 121.324 0.691678 NaN
3 "res2a_branch2b*3" 253.479 269.962 272.445 264.373 164.611 96.2488 2.62353 NaN
4 "res2b_branch2a*2" 269.385 268.007 261.956 264.302 264.938 118.727 0.677137 NaN
5 "res3a_branch1" 229.549 260.705 259.76 268.266 225.62 127.858 0.681079 NaN
6 "res3a_branch2a" 223.463 250.648 259.454 266.025 166.013 110.581 0.687268 NaN
7 "res3a_branch2b*4" 253.617 274.986 274.832 275.451 178.645 107.565 2.504 NaN
8 "res3a_branch2c*4" 267.562 272.382 272.345 265.035 267.067 131.335 0.692241 NaN
9 "res3b_branch2a*3" 266.259 271.551 276.456 274.189 267.736 128.48 0.698013 NaN
10 "res4a_branch1" 240.827 272.274 266.459 262.915 217.25 128.347 0.70396 NaN
11 "res4a_branch2a" 191.985 272.516 266.366 264.012 195.742 118.829 0.708512 NaN
12 "res4a_branch2b*6" 246.373 268.08 271.062 279.85 196.693 109.614 2.53247 NaN
13 "res4a_branch2c*6" 259.156 281.13 281.44 280.091 253.401 133.123 0.726463 NaN
14 "res4b_branch2a*5" 252.732 264.646 277.13 278.204 252.018 131.033 0.713533 NaN
15 "res5a_branch1" 251.983 276.066 267.411 267.221 154.459 112.078 0.703675 NaN
16 "res5a_branch2a" 217.851 266.615 269.738 267.996 203.839 107.906 0.700221 NaN
17 "res5a_branch2b*3" 223.402 273.976 273.56 265.458 168.239 89.442 2.30609 NaN
18 "res5a_branch2c*3" 254.675 269.427 269.273 266.799 186.598 113.81 0.692625 NaN
19 "res5b_branch2a*2" 261.832 269.791 273.673 266.927 188.37 114.938 0.700193 NaN
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
0 "conv1" 460.633 544.374 534.788 532.843 235.989 20.2166 7.80782 NaN
1 "res2a_branch1*4" 517.048 535.493 540.55 536.483 505.184 208.62 1.3979 NaN
2 "res2a_branch2a" 522.472 270.56 270.237 500.005 495.597 194.523 1.38618 NaN
3 "res2a_branch2b*3" 509.772 539.831 545.115 520.751 281.1 18.8438 5.18873 NaN
4 "res2b_branch2a*2" 521.11 270.867 266.062 536.45 527.326 225.587 1.3528 NaN
5 "res3a_branch1" 453.59 528.223 512.11 528.431 430.742 46.0075 1.34323 NaN
6 "res3a_branch2a" 424.244 517.659 497.105 505.701 313.885 12.8572 1.36359 NaN
7 "res3a_branch2b*4" 501.534 540.103 542.035 541.078 376.248 111.08 4.99155 NaN
8 "res3a_branch2c*4" 499.042 534.647 533.483 534.108 521.891 250.597 1.35226 NaN
9 "res3b_branch2a*3" 514.098 538.388 544.901 554.241 527.967 252.545 1.39938 NaN
10 "res4a_branch1" 480.173 541.697 541.462 525.698 410.203 121.731 1.27625 NaN
11 "res4a_branch2a" 378.945 546.28 531.225 525.331 352.701 119.174 1.37674 NaN
12 "res4a_branch2b*6" 484.493 532.23 529.181 548.829 334.343 109.783 4.97964 NaN
13 "res4a_branch2c*6" 258.842 537.164 537.526 537.339 500.891 249.477 1.44366 NaN
14 "res4b_branch2a*5" 447.809 517.587 540.448 538.416 488.04 243.657 1.39259 NaN
15 "res5a_branch1" 481.61 531.571 535.425 531.157 374.353 112.083 1.35169 NaN
16 "res5a_branch2a" 391.225 481.293 476.91 502.971 334.629 104.626 1.34778 NaN
17 "res5a_branch2b*3" 385.619 480.637 483.976 515.61 289.57 54.188 4.77836 NaN
18 "res5a_branch2c*3" 468.773 528.446 531.138 529.826 371.065 193.737 1.39424 NaN
19 "res5b_branch2a*2" 488.307 535.416 521.623 497.978 373.09 197.118 1.38969 NaN
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
0 "conv1*3" 198.798 255.365 240.486 236.411 79.9832 74.2809 2.6106 NaN
1 "conv2*4" 266.121 265.439 267.18 262.058 253.866 116.148 0.703078 NaN
2 "conv3*4" 269.92 267.71 270.388 269.578 258.716 126.006 0.69686 NaN
3 "conv4*4" 271.085 275.067 268.862 268.661 264.262 124.383 0.676261 NaN
4 "conv5*4" 277.211 281.174 278.622 280.449 277.439 133.395 0.704091 NaN
5 "conv6*4" 277.676 277.69 271.015 276.362 267.475 130.559 0.708418 NaN
6 "conv7*4" 254.275 274.875 277.277 274.006 250.597 130.044 0.711613 NaN
7 "conv8*20" 257.26 275.652 276.548 273.307 246.062 130.036 0.702457 NaN
8 "conv9*4" 254.945 273.37 272.469 272.471 189.668 115.442 0.709434 NaN
9 "conv10*4" 267.747 277.636 275.272 277.844 170.383 117.19 0.703602 NaN
10 "conv11*4" 32.8068 31.8935 22.6339 8.99071 21.4244 4.22929 0.711893 NaN
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
0 "conv1*3" 370.648 508.683 479.274 468.988 169.261 67.4132 5.08412 NaN
1 "conv2*4" 531.055 262.233 264.969 502.272 482.047 192.902 1.37 NaN
2 "conv3*4" 517.172 513.592 518.521 510.845 495.785 199.757 1.40504 NaN
3 "conv4*4" 518.271 526.353 539.686 539.741 531.367 247.443 1.37277 NaN
4 "conv5*4" 526.073 555.776 555.258 552.343 533.157 256.544 1.38858 NaN
5 "conv6*4" 526.228 560.675 544.788 551.1 526.637 257.976 1.37048 NaN
6 "conv7*4" 251.069 486.958 486.637 534.836 488.715 240.179 1.27978 NaN
7 "conv8*20" 253.295 482.77 484.059 538.896 484.302 241.353 1.38169 NaN
8 "conv9*4" 394.046 531.292 529.849 519.29 365.523 114.019 1.40968 NaN
9 "conv10*4" 392.241 536.703 530.57 484.503 368.845 120.502 1.37833 NaN
10 "conv11*4" 32.8213 32.3445 23.0419 6.63839 21.1038 4.15973 0.690064 NaN
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
0 "conv2_1/dw" 86.0699 143.101 163.114 109.099 6.94748 5.72319 2.36394 NaN
1 "conv2_2/dw" 16.7399 85.3374 91.632 73.7169 3.94853 5.38302 2.40762 NaN
2 "conv3_1/dw" 55.6524 129.265 172.969 113.327 6.53781 5.67183 2.2105 NaN
3 "conv3_2/dw" 10.6537 75.8463 86.8375 68.9971 3.59927 4.52813 2.26587 NaN
4 "conv4_1/dw" 30.7461 114.408 166.966 95.1859 5.76051 4.78545 2.21156 NaN
5 "conv4_2/dw" 18.661 110.172 141.942 62.9137 2.90833 3.08525 2.33906 NaN
6 "conv5_1/dw" 28.1377 142.193 169.716 93.2166 3.99571 3.02917 2.19254 NaN
7 "conv5_6/dw" 12.4343 79.388 127.91 73.3564 2.09762 1.49185 2.14429 NaN
8 "conv6/dw" 17.4611 86.6728 151.491 80.4563 2.38711 1.37413 2.04161 NaN
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
0 "conv2_1/dw" 137.207 267.051 321.083 211.707 13.714 8.59951 4.59959 NaN
1 "conv2_2/dw" 31.8188 159.217 163.205 138.196 7.88592 4.27196 4.63632 NaN
2 "conv3_1/dw" 104.495 246.853 315.285 195.9 12.6541 6.64915 4.50077 NaN
3 "conv3_2/dw" 21.3992 178.005 209.814 133.871 7.25628 4.5131 4.51289 NaN
4 "conv4_1/dw" 59.1772 246.889 356.58 180.999 10.3215 4.69445 4.23077 NaN
5 "conv4_2/dw" 16.6908 152.51 134.685 100.868 4.70893 2.99601 4.47013 NaN
6 "conv5_1/dw" 24.0675 192.126 135.836 136.905 5.68317 3.03048 4.31289 NaN
7 "conv5_6/dw" 18.9608 105.761 181.434 108.109 4.01475 1.49833 4.26 NaN
8 "conv6/dw" 24.5011 134.532 258.933 106.535 4.3903 1.35198 3.99234 NaN
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
0 "tensors(1000)" 150.413 45.362 NaN 17.301 16.8672 13.7936 3.5752 5.66937
1 "batch(30060)" 142.606 46.6751 27.5648 18.2286 17.4779 14.2194 3.4999 5.7009
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
0 "tensors(1000)" 287.043 90.2108 NaN 31.0674 22.3279 13.9255 6.47968 5.71072
1 "batch(30060)" 224.931 76.1291 53.3551 36.3084 23.0944 13.8133 6.95934 5.6511
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
