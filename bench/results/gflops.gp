set terminal pngcairo size 1800,2600 font "DejaVu Sans,10" noenhanced
set output "bench/results/gflops.png"
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
0 "image3x3" 160.464 33.5004 10.9919 5.51375 4.0417 2.33285 56.8759
1 "small_strided" 167.643 19.0497 40.277 22.4848 27.5674 1.6496 NaN
2 "tiny" 0.485723 0.326987 0.109369 0.0875165 0.116696 0.140577 0.0564135
3 "im2col50" 92.3754 12.3147 4.42513 6.01612 5.30947 1.52691 12.1952
4 "im2col250" 116.712 15.4781 8.41998 5.63518 4.22576 1.41553 39.5919
5 "im2col1000" 98.2965 16.8393 9.68096 5.87059 5.22856 1.56119 43.6799
6 "batch1000" 169.654 53.1904 20.7985 17.4427 13.692 3.19545 6.03156
7 "batch30000" 90.2672 54.2345 18.0278 17.1714 13.6916 3.1476 6.4658
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
0 "image3x3" 295.607 69.0725 23.4125 5.60325 4.70386 2.28951 56.4848
1 "small_strided" 167.958 19.2667 15.6358 15.1047 28.0385 1.66689 NaN
2 "tiny" 0.49345 0.320141 0.0455811 0.00971518 0.105452 0.141913 0.0574345
3 "im2col50" 93.4972 11.6757 6.84727 5.29318 5.31297 1.54526 11.8698
4 "im2col250" 81.7378 14.5499 5.71077 1.6717 2.98137 0.508267 35.6853
5 "im2col1000" 63.0271 11.3958 9.53491 1.94808 1.24389 0.71279 44.3556
6 "batch1000" 3.60051 3.6397 3.60105 3.64985 14.1862 1.80031 6.1846
7 "batch30000" 108.013 36.0432 15.4323 15.4308 13.1372 3.08909 6.18611
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
0 "image3x3" 77.5407 22.0547 NaN NaN 2.62728 2.39629 20.073
1 "small_strided" 111.778 74.9654 NaN NaN 18.498 1.70351 NaN
2 "tiny" 0.500021 0.311057 NaN NaN 0.10837 0.152117 0.0650957
3 "im2col50" 55.9833 10.5493 NaN NaN 4.09081 1.51311 9.48979
4 "im2col250" 58.7267 12.3055 NaN NaN 3.74142 1.56759 16.5584
5 "im2col1000" 46.9845 11.0837 NaN NaN 3.16956 1.57991 17.6829
6 "batch1000" 88.6956 41.1962 NaN NaN 10.4239 3.55385 5.92045
7 "batch30000" 55.4489 44.7531 NaN NaN 8.70333 3.38626 4.87481
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
0 "image3x3" 2.35047 1.17524 NaN NaN 1.30857 1.34329 20.7522
1 "small_strided" 112.351 75.0683 NaN NaN 17.5123 1.68525 NaN
2 "tiny" 0.503953 0.333569 NaN NaN 0.110407 0.146043 0.0654026
3 "im2col50" 57.9614 10.5438 NaN NaN 4.1069 1.51861 9.68457
4 "im2col250" 0.0620038 0.0310027 NaN NaN 0.0620072 0.0620065 16.4573
5 "im2col1000" 0.998361 0.499131 NaN NaN 0.991153 0.570423 17.8024
6 "batch1000" 3.60079 3.6008 NaN NaN 10.3761 2.24963 6.02186
7 "batch30000" 38.6312 34.3758 NaN NaN 9.56524 3.69358 6.06946
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
0 "conv1" 204.051 249.63 260.75 124.692 82.2884 3.4547 NaN
1 "res2a_branch1*4" 239.668 255 257.72 253.368 123.616 0.676289 NaN
2 "res2a_branch2a" 231.878 252.57 248.517 243.64 112.962 0.680871 NaN
3 "res2a_branch2b*3" 231.386 253.401 257.456 161.586 94.7208 2.54264 NaN
4 "res2b_branch2a*2" 204.559 263.927 261.523 255.147 111.631 0.560302 NaN
5 "res3a_branch1" 173.847 245.201 262.365 214.201 120.069 0.636668 NaN
6 "res3a_branch2a" 148.689 243.296 249.938 155.712 100.242 0.639217 NaN
7 "res3a_branch2b*4" 238.129 252.151 270.15 175.755 102.528 2.42718 NaN
8 "res3a_branch2c*4" 264.701 265.899 263.248 267.669 127.545 0.677931 NaN
9 "res3b_branch2a*3" 231.324 265.569 263.438 260.725 123.855 0.663897 NaN
10 "res4a_branch1" 215.878 256.331 239.667 207.575 120.009 0.664082 NaN
11 "res4a_branch2a" 155.745 255.863 243.882 185.232 113.215 0.660181 NaN
12 "res4a_branch2b*6" 228.226 238.37 265.875 181.147 88.6398 2.2528 NaN
13 "res4a_branch2c*6" 232.232 256.858 257.644 233.577 122.223 0.65663 NaN
14 "res4b_branch2a*5" 95.3853 250.32 263.664 237.216 125.052 0.664616 NaN
15 "res5a_branch1" 199.428 253.773 253.852 152.158 109.347 0.650483 NaN
16 "res5a_branch2a" 120.029 259.131 245.978 186.554 96.3716 0.626257 NaN
17 "res5a_branch2b*3" 199.675 207.337 249.854 158.195 82.6843 2.24941 NaN
18 "res5a_branch2c*3" 236.341 253.122 254.322 178.787 107.39 0.656363 NaN
19 "res5b_branch2a*2" 140.623 249.693 241.503 172.064 104.041 0.657531 NaN
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
0 "conv1" 207.306 263.16 284.076 133.762 35.3797 3.37029 NaN
1 "res2a_branch1*4" 113.886 89.1488 252.36 250.763 119.584 0.658765 NaN
2 "res2a_branch2a" 3.38077 3.36436 3.38029 3.25368 114.033 0.652912 NaN
3 "res2a_branch2b*3" 14.728 20.1555 29.5665 29.5676 19.9374 2.38456 NaN
4 "res2b_branch2a*2" 14.2743 13.5291 13.4607 13.4601 108.284 0.611786 NaN
5 "res3a_branch1" 13.5355 27.052 26.9174 26.9178 21.1745 0.634359 NaN
6 "res3a_branch2a" 6.72948 7.06595 6.76412 6.72914 4.78843 0.642325 NaN
7 "res3a_branch2b*4" 14.4967 19.8286 28.8554 28.8535 18.6272 2.23529 NaN
8 "res3a_branch2c*4" 13.5259 13.4575 14.1299 13.4573 126.15 0.643872 NaN
9 "res3b_branch2a*3" 13.5956 13.5408 13.6053 13.4595 121.069 0.655549 NaN
10 "res4a_branch1" 13.5229 27.0434 26.9133 28.7504 19.8905 0.648887 NaN
11 "res4a_branch2a" 3.21181 6.4255 6.42365 6.42836 4.7352 0.642321 NaN
12 "res4a_branch2b*6" 13.1099 18.2279 27.4663 36.5112 17.3856 1.92653 NaN
13 "res4a_branch2c*6" 12.849 13.4606 13.4598 13.459 78.3202 0.678204 NaN
14 "res4b_branch2a*5" 6.66163 14.129 13.4617 13.4615 78.2607 0.639385 NaN
15 "res5a_branch1" 13.5231 27.0439 26.917 26.9216 17.2652 0.598666 NaN
16 "res5a_branch2a" 3.42691 6.76302 7.06397 6.78115 4.50087 0.624632 NaN
17 "res5a_branch2b*3" 12.6608 16.3178 24.7897 25.0505 15.8326 2.14174 NaN
18 "res5a_branch2c*3" 6.77548 86.6438 485.789 75.9594 99.556 0.626605 NaN
19 "res5b_branch2a*2" 6.76629 13.4585 13.6342 13.4584 104.647 0.658539 NaN
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
0 "conv1*3" 149.366 214.564 218.89 78.1582 65.3794 2.39072 NaN
1 "conv2*4" 222.097 242.737 181.798 208.729 93.5137 0.64029 NaN
2 "conv3*4" 226.775 244.845 246.262 236.992 115.328 0.645279 NaN
3 "conv4*4" 213.877 255.095 254.541 248.943 123.592 0.644921 NaN
4 "conv5*4" 255.848 254.196 253.931 250.626 121.419 0.656909 NaN
5 "conv6*4" 198.205 254.425 260.181 250.513 122.746 0.642956 NaN
6 "conv7*4" 235.212 258.318 252.386 231.945 120.826 0.66571 NaN
7 "conv8*20" 229.107 247.866 248.756 220.683 117.085 0.627094 NaN
8 "conv9*4" 219.684 247.619 245.954 171.041 104.68 0.621035 NaN
9 "conv10*4" 173.505 246.308 239.065 168.648 107.918 0.667727 NaN
10 "conv11*4" 6.60792 9.91779 8.43148 20.3651 3.98863 0.675105 NaN
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
0 "conv1*3" 2.07041 1.87623 2.82156 116.728 14.2263 1.34737 NaN
1 "conv2*4" 74.7738 69.4769 6.4244 6.42384 67.5339 0.642323 NaN
2 "conv3*4" 6.42383 6.42384 6.42297 6.42304 84.5143 0.64243 NaN
3 "conv4*4" 12.8474 12.8485 12.8489 12.8482 84.0033 0.631974 NaN
4 "conv5*4" 124.52 126.155 275.995 233.231 116.708 0.642324 NaN
5 "conv6*4" 6.43113 12.8478 12.848 12.8467 121.763 0.647022 NaN
6 "conv7*4" 6.42401 6.42372 6.72844 6.42374 109.216 0.583977 NaN
7 "conv8*20" 13.4603 12.8475 12.8483 12.8474 113.139 0.611737 NaN
8 "conv9*4" 3.21215 6.72675 6.42344 6.42381 99.6832 0.583992 NaN
9 "conv10*4" 6.42427 12.8481 12.847 12.8475 107.024 0.67613 NaN
10 "conv11*4" 6.49161 10.0051 0.00128039 20.7511 4.08075 0.688114 NaN
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
0 "conv2_1/dw" 82.1732 93.5041 108.452 6.66687 5.06022 2.28714 NaN
1 "conv2_2/dw" 9.24875 32.1144 63.8473 3.52114 4.57481 2.10288 NaN
2 "conv3_1/dw" 49.0943 75.8218 100.135 5.88109 4.93244 2.04268 NaN
3 "conv3_2/dw" 7.27947 33.9985 66.7877 3.44595 4.2216 2.11694 NaN
4 "conv4_1/dw" 28.3994 62.2262 96.1981 5.38592 4.26574 2.04276 NaN
5 "conv4_2/dw" 9.6121 35.7791 58.9986 2.71199 2.77917 2.09407 NaN
6 "conv5_1/dw" 23.3296 78.4996 86.5158 3.78256 2.74519 2.11257 NaN
7 "conv5_6/dw" 10.2762 42.8239 66.6121 2.08322 1.44547 2.09882 NaN
8 "conv6/dw" 22.1331 70.0054 87.0308 2.32351 1.30718 1.98514 NaN
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
0 "conv2_1/dw" 0.892663 0.637011 0.935005 0.892618 0.0278907 0.916054 NaN
1 "conv2_2/dw" 0.446431 0.312298 0.446375 0.641639 2.20448 0.901251 NaN
2 "conv3_1/dw" 0.881921 0.587966 0.882045 0.882125 0.00675722 0.882115 NaN
3 "conv3_2/dw" 0.23208 0.147063 0.220489 0.220663 4.14449 0.220486 NaN
4 "conv4_1/dw" 0.430456 0.301176 0.430448 0.430555 4.19317 0.430405 NaN
5 "conv4_2/dw" 0.05381 0.0717393 0.107615 0.107627 2.89798 0.107602 NaN
6 "conv5_1/dw" 0.102431 0.13655 0.204836 0.204836 2.75855 2.16738 NaN
7 "conv5_6/dw" 7.16319 31.4635 47.5463 0.527933 1.55582 0.0512063 NaN
8 "conv6/dw" 0.0462276 0.0616203 0.0925142 0.817106 1.29799 0.0968131 NaN
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
0 "loop(1000 calls)" 70.1426 50.5282 16.333 16.5839 13.6413 3.04772 5.89231
1 "batch(30060)" 65.8798 50.3685 15.97 16.9467 12.7147 2.98247 6.05277
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
0 "loop(1000 calls)" 64.3685 0.107785 24.104 15.302 11.3698 1.6856 5.90373
1 "batch(30060)" 54.1199 36.0866 15.4614 15.4635 12.7809 2.91951 5.93522
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
