set terminal pngcairo size 1800,2600 font "DejaVu Sans,10" noenhanced
set output "/work/main/bench/results/speedup.png"
set multiplot layout 6,2 title "convjit speedup over the fastest correct peer (its time / convjit's; above 1: convjit is faster)" font ",14"
set logscale y
set format y "%g"
set grid ytics mytics lc rgb "#dddddd"
set xtics rotate by 40 right font ",8"
set bmargin 8
set style fill solid 0.8
set key outside right top Left reverse font ",9"
set rmargin 22
set ytics (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
unset mytics
$s0 << EOD
0 "image3x3" NaN NaN NaN NaN NaN 2.7767
1 "small_strided" NaN 4.03863 NaN NaN NaN NaN
2 "tiny" NaN NaN NaN NaN 3.5018 NaN
3 "im2col50" NaN NaN NaN NaN NaN 7.45225
4 "im2col250" NaN NaN NaN NaN NaN 3.01713
5 "im2col1000" NaN NaN NaN NaN NaN 2.30721
6 "batch1000" NaN 8.08853 NaN NaN NaN NaN
7 "batch30000" NaN 7.34706 NaN NaN NaN NaN
EOD
set title "seeds f32, 1 thread"
set xrange [-0.6:8-0.4]
set ylabel "speedup"
set yrange [0.5:12.1328]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s0 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s0 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s0 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over oneDNN any", \
     $s0 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s0 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN nchw", \
     $s0 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s0 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over im2col+BLAS", \
     $s0 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s0 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over naive", \
     $s0 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s0 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over OpenCV", \
     $s0 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle
$s1 << EOD
0 "image3x3" NaN NaN NaN NaN NaN 5.0637
1 "small_strided" NaN NaN NaN 5.94459 NaN NaN
2 "tiny" NaN NaN NaN NaN 3.50393 NaN
3 "im2col50" NaN NaN NaN NaN NaN 7.57926
4 "im2col250" NaN NaN NaN NaN NaN 1.73674
5 "im2col1000" NaN NaN NaN NaN NaN 3.32471
6 "batch1000" NaN 7.9915 NaN NaN NaN NaN
7 "batch30000" NaN 7.42123 NaN NaN NaN NaN
EOD
set title "seeds f32, 2 threads"
set xrange [-0.6:8-0.4]
set ylabel "speedup"
set yrange [0.5:11.9873]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s1 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s1 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s1 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over oneDNN any", \
     $s1 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s1 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN nchw", \
     $s1 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s1 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over im2col+BLAS", \
     $s1 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s1 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over naive", \
     $s1 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s1 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over OpenCV", \
     $s1 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle
$s2 << EOD
0 "image3x3" NaN NaN NaN NaN NaN 3.64884
1 "small_strided" NaN NaN NaN 5.9284 NaN NaN
2 "tiny" NaN NaN NaN NaN 3.44086 NaN
3 "im2col50" NaN NaN NaN NaN NaN 5.50861
4 "im2col250" NaN NaN NaN NaN NaN 3.54779
5 "im2col1000" NaN NaN NaN NaN NaN 2.88459
6 "batch1000" NaN NaN NaN 7.96564 NaN NaN
7 "batch30000" NaN NaN NaN 4.91125 NaN NaN
EOD
set title "seeds f64, 1 thread"
set xrange [-0.6:8-0.4]
set ylabel "speedup"
set yrange [0.5:11.9485]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s2 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s2 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s2 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over oneDNN any", \
     $s2 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s2 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN nchw", \
     $s2 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s2 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over im2col+BLAS", \
     $s2 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s2 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over naive", \
     $s2 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s2 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over OpenCV", \
     $s2 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle
$s3 << EOD
0 "image3x3" NaN NaN NaN NaN NaN 7.08702
1 "small_strided" NaN NaN NaN 5.71734 NaN NaN
2 "tiny" NaN NaN NaN NaN 3.63302 NaN
3 "im2col50" NaN NaN NaN NaN NaN 5.60266
4 "im2col250" NaN NaN NaN NaN NaN 6.38112
5 "im2col1000" NaN NaN NaN NaN NaN 5.29935
6 "batch1000" NaN NaN NaN 16.0354 NaN NaN
7 "batch30000" NaN NaN NaN 9.35494 NaN NaN
EOD
set title "seeds f64, 2 threads"
set xrange [-0.6:8-0.4]
set ylabel "speedup"
set yrange [0.5:24.0531]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s3 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s3 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s3 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over oneDNN any", \
     $s3 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s3 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN nchw", \
     $s3 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s3 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over im2col+BLAS", \
     $s3 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s3 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over naive", \
     $s3 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s3 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over OpenCV", \
     $s3 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle
$s4 << EOD
0 "conv1" NaN 0.801921 NaN NaN NaN NaN
1 "res2a_branch1*4" NaN 0.937054 NaN NaN NaN NaN
2 "res2a_branch2a" NaN 0.94162 NaN NaN NaN NaN
3 "res2a_branch2b*3" NaN 0.874198 NaN NaN NaN NaN
4 "res2b_branch2a*2" NaN 0.796157 NaN NaN NaN NaN
5 "res3a_branch1" NaN 0.640745 NaN NaN NaN NaN
6 "res3a_branch2a" NaN 0.534324 NaN NaN NaN NaN
7 "res3a_branch2b*4" NaN 0.889535 NaN NaN NaN NaN
8 "res3a_branch2c*4" NaN 1.00963 NaN NaN NaN NaN
9 "res3b_branch2a*3" NaN 0.905616 NaN NaN NaN NaN
10 "res4a_branch1" NaN 0.828265 NaN NaN NaN NaN
11 "res4a_branch2a" NaN 0.590296 NaN NaN NaN NaN
12 "res4a_branch2b*6" NaN 0.873437 NaN NaN NaN NaN
13 "res4a_branch2c*6" NaN 0.922613 NaN NaN NaN NaN
14 "res4b_branch2a*5" NaN 0.372231 NaN NaN NaN NaN
15 "res5a_branch1" NaN 0.770557 NaN NaN NaN NaN
16 "res5a_branch2a" NaN 0.471351 NaN NaN NaN NaN
17 "res5a_branch2b*3" NaN 0.81816 NaN NaN NaN NaN
18 "res5a_branch2c*3" NaN 0.909925 NaN NaN NaN NaN
19 "res5b_branch2a*2" NaN 0.584307 NaN NaN NaN NaN
EOD
set title "resnet50 f32, 1 thread"
set xrange [-0.6:20-0.4]
set ylabel "speedup"
set yrange [0.248154:2]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s4 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s4 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s4 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over oneDNN any", \
     $s4 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s4 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN nchw", \
     $s4 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s4 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over im2col+BLAS", \
     $s4 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s4 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over naive", \
     $s4 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s4 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over OpenCV", \
     $s4 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle
$s5 << EOD
0 "conv1" NaN 0.820615 NaN NaN NaN NaN
1 "res2a_branch1*4" NaN 0.465389 NaN NaN NaN NaN
2 "res2a_branch2a" NaN 0.463777 NaN NaN NaN NaN
3 "res2a_branch2b*3" NaN 0.838913 NaN NaN NaN NaN
4 "res2b_branch2a*2" NaN 0.393018 NaN NaN NaN NaN
5 "res3a_branch1" NaN 0.604283 NaN NaN NaN NaN
6 "res3a_branch2a" NaN 0.658307 NaN NaN NaN NaN
7 "res3a_branch2b*4" NaN 0.900514 NaN NaN NaN NaN
8 "res3a_branch2c*4" NaN 0.51361 NaN NaN NaN NaN
9 "res3b_branch2a*3" NaN 0.455422 NaN NaN NaN NaN
10 "res4a_branch1" NaN 0.843983 NaN NaN NaN NaN
11 "res4a_branch2a" NaN 0.485153 NaN NaN NaN NaN
12 "res4a_branch2b*6" NaN 0.824607 NaN NaN NaN NaN
13 "res4a_branch2c*6" NaN 0.481068 NaN NaN NaN NaN
14 "res4b_branch2a*5" NaN 0.191044 NaN NaN NaN NaN
15 "res5a_branch1" NaN 0.586991 NaN NaN NaN NaN
16 "res5a_branch2a" NaN 0.395015 NaN NaN NaN NaN
17 "res5a_branch2b*3" NaN 0.714651 NaN NaN NaN NaN
18 "res5a_branch2c*3" NaN 0.466167 NaN NaN NaN NaN
19 "res5b_branch2a*2" NaN 0.312873 NaN NaN NaN NaN
EOD
set title "resnet50 f32, 2 threads"
set xrange [-0.6:20-0.4]
set ylabel "speedup"
set yrange [0.127363:2]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s5 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s5 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s5 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over oneDNN any", \
     $s5 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s5 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN nchw", \
     $s5 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s5 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over im2col+BLAS", \
     $s5 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s5 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over naive", \
     $s5 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s5 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over OpenCV", \
     $s5 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle
$s6 << EOD
0 "conv1*3" NaN 0.630761 NaN NaN NaN NaN
1 "conv2*4" NaN 0.756711 NaN NaN NaN NaN
2 "conv3*4" NaN 0.954623 NaN NaN NaN NaN
3 "conv4*4" NaN 0.818724 NaN NaN NaN NaN
4 "conv5*4" NaN 0.999582 NaN NaN NaN NaN
5 "conv6*4" NaN 0.74221 NaN NaN NaN NaN
6 "conv7*4" NaN 0.926224 NaN NaN NaN NaN
7 "conv8*20" NaN 0.927411 NaN NaN NaN NaN
8 "conv9*4" NaN 0.888856 NaN NaN NaN NaN
9 "conv10*4" NaN 0.712769 NaN NaN NaN NaN
10 "conv11*4" NaN NaN 0.311191 NaN NaN NaN
EOD
set title "mobilenet f32, 1 thread"
set xrange [-0.6:11-0.4]
set ylabel "speedup"
set yrange [0.207461:2]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s6 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s6 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s6 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over oneDNN any", \
     $s6 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s6 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN nchw", \
     $s6 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s6 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over im2col+BLAS", \
     $s6 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s6 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over naive", \
     $s6 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s6 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over OpenCV", \
     $s6 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle
$s7 << EOD
0 "conv1*3" NaN 0.683888 NaN NaN NaN NaN
1 "conv2*4" NaN 0.396741 NaN NaN NaN NaN
2 "conv3*4" NaN 0.461581 NaN NaN NaN NaN
3 "conv4*4" NaN 0.417635 NaN NaN NaN NaN
4 "conv5*4" NaN 0.504237 NaN NaN NaN NaN
5 "conv6*4" NaN 0.380992 NaN NaN NaN NaN
6 "conv7*4" NaN 0.477084 NaN NaN NaN NaN
7 "conv8*20" NaN 0.466445 NaN NaN NaN NaN
8 "conv9*4" NaN 0.465865 NaN NaN NaN NaN
9 "conv10*4" NaN 0.373706 NaN NaN NaN NaN
10 "conv11*4" NaN NaN 0.306444 NaN NaN NaN
EOD
set title "mobilenet f32, 2 threads"
set xrange [-0.6:11-0.4]
set ylabel "speedup"
set yrange [0.204296:2]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s7 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s7 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s7 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over oneDNN any", \
     $s7 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s7 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN nchw", \
     $s7 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s7 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over im2col+BLAS", \
     $s7 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s7 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over naive", \
     $s7 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s7 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over OpenCV", \
     $s7 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle
$s8 << EOD
0 "conv2_1/dw" NaN 0.761471 NaN NaN NaN NaN
1 "conv2_2/dw" NaN 0.14593 NaN NaN NaN NaN
2 "conv3_1/dw" NaN 0.491436 NaN NaN NaN NaN
3 "conv3_2/dw" NaN 0.121384 NaN NaN NaN NaN
4 "conv4_1/dw" NaN 0.295398 NaN NaN NaN NaN
5 "conv4_2/dw" NaN 0.141568 NaN NaN NaN NaN
6 "conv5_1/dw" NaN 0.226689 NaN NaN NaN NaN
7 "conv5_6/dw" NaN 0.114176 NaN NaN NaN NaN
8 "conv6/dw" NaN 0.23761 NaN NaN NaN NaN
EOD
set title "mobilenet_dw f32, 1 thread"
set xrange [-0.6:9-0.4]
set ylabel "speedup"
set yrange [0.0761171:2]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s8 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s8 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s8 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over oneDNN any", \
     $s8 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s8 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN nchw", \
     $s8 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s8 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over im2col+BLAS", \
     $s8 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s8 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over naive", \
     $s8 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s8 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over OpenCV", \
     $s8 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle
$s9 << EOD
0 "conv2_1/dw" NaN 0.66241 NaN NaN NaN NaN
1 "conv2_2/dw" NaN 0.102736 NaN NaN NaN NaN
2 "conv3_1/dw" NaN 0.510857 NaN NaN NaN NaN
3 "conv3_2/dw" NaN 0.118247 NaN NaN NaN NaN
4 "conv4_1/dw" NaN 0.253465 NaN NaN NaN NaN
5 "conv4_2/dw" NaN 0.103428 NaN NaN NaN NaN
6 "conv5_1/dw" NaN 0.128402 NaN NaN NaN NaN
7 "conv5_6/dw" NaN 0.0597027 NaN NaN NaN NaN
8 "conv6/dw" NaN 0.0633767 NaN NaN NaN NaN
EOD
set title "mobilenet_dw f32, 2 threads"
set xrange [-0.6:9-0.4]
set ylabel "speedup"
set yrange [0.0398018:2]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s9 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s9 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s9 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over oneDNN any", \
     $s9 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s9 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN nchw", \
     $s9 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s9 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over im2col+BLAS", \
     $s9 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s9 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over naive", \
     $s9 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s9 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over OpenCV", \
     $s9 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle
$s10 << EOD
0 "tensors(1000)" NaN 6.29348 NaN NaN NaN NaN
1 "batch(30060)" NaN 7.45779 NaN NaN NaN NaN
EOD
set title "ragged f32, 1 thread"
set xrange [-0.6:2-0.4]
set ylabel "speedup"
set yrange [0.5:11.1867]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s10 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s10 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s10 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over oneDNN any", \
     $s10 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s10 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN nchw", \
     $s10 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s10 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over im2col+BLAS", \
     $s10 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s10 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over naive", \
     $s10 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s10 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over OpenCV", \
     $s10 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle
$s11 << EOD
0 "tensors(1000)" NaN 5.81891 NaN NaN NaN NaN
1 "batch(30060)" NaN 5.65987 NaN NaN NaN NaN
EOD
set title "ragged f32, 2 threads"
set xrange [-0.6:2-0.4]
set ylabel "speedup"
set yrange [0.5:8.72836]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s11 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s11 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s11 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over oneDNN any", \
     $s11 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s11 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN nchw", \
     $s11 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s11 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over im2col+BLAS", \
     $s11 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s11 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over naive", \
     $s11 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s11 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over OpenCV", \
     $s11 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle
unset multiplot
