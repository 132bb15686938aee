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
0 "image3x3" NaN NaN NaN NaN NaN NaN 2.88217
1 "small_strided" NaN NaN 3.91434 NaN NaN NaN NaN
2 "tiny" NaN NaN NaN NaN NaN 3.00513 NaN
3 "im2col50" NaN NaN NaN NaN NaN NaN 8.74669
4 "im2col250" NaN NaN NaN NaN NaN NaN 3.20195
5 "im2col1000" NaN NaN NaN NaN NaN NaN 2.36528
6 "batch1000" NaN NaN 8.02201 NaN NaN NaN NaN
7 "batch30000" NaN NaN 8.18326 NaN NaN NaN NaN
EOD
set title "seeds f32, 1 thread"
set xrange [-0.6:8-0.4]
set ylabel "speedup"
set yrange [0.5:13.12]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s0 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s0 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s0 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over convjit blocked", \
     $s0 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s0 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN any", \
     $s0 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s0 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over oneDNN nchw", \
     $s0 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s0 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over im2col+BLAS", \
     $s0 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s0 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over naive", \
     $s0 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle, \
     $s0 using 1:9:($1-0.35):($1+0.35):(1):($9) with boxxyerror lc rgb "#8c564b" title "over OpenCV", \
     $s0 using 1:9:(sprintf("%.2f", $9)) with labels offset 0,0.6 font ",7" notitle
$s1 << EOD
0 "image3x3" NaN NaN NaN NaN NaN NaN 5.02917
1 "small_strided" NaN NaN NaN NaN 5.65643 NaN NaN
2 "tiny" NaN NaN NaN NaN NaN 2.98352 NaN
3 "im2col50" NaN NaN NaN NaN NaN NaN 8.60175
4 "im2col250" NaN NaN NaN NaN NaN NaN 1.91129
5 "im2col1000" NaN NaN NaN NaN NaN NaN 4.27886
6 "batch1000" NaN NaN 6.38987 NaN NaN NaN NaN
7 "batch30000" NaN NaN 6.27776 NaN NaN NaN NaN
EOD
set title "seeds f32, 2 threads"
set xrange [-0.6:8-0.4]
set ylabel "speedup"
set yrange [0.5:12.9026]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s1 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s1 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s1 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over convjit blocked", \
     $s1 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s1 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN any", \
     $s1 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s1 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over oneDNN nchw", \
     $s1 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s1 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over im2col+BLAS", \
     $s1 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s1 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over naive", \
     $s1 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle, \
     $s1 using 1:9:($1-0.35):($1+0.35):(1):($9) with boxxyerror lc rgb "#8c564b" title "over OpenCV", \
     $s1 using 1:9:(sprintf("%.2f", $9)) with labels offset 0,0.6 font ",7" notitle
$s2 << EOD
0 "image3x3" NaN NaN NaN NaN NaN NaN 3.676
1 "small_strided" NaN NaN NaN NaN 5.66743 NaN NaN
2 "tiny" NaN NaN NaN NaN NaN 2.98582 NaN
3 "im2col50" NaN NaN NaN NaN NaN NaN 5.51929
4 "im2col250" NaN NaN NaN NaN NaN NaN 3.50672
5 "im2col1000" NaN NaN NaN NaN NaN NaN 2.60417
6 "batch1000" NaN NaN NaN NaN 8.00628 NaN NaN
7 "batch30000" NaN NaN NaN NaN 7.80616 NaN NaN
EOD
set title "seeds f64, 1 thread"
set xrange [-0.6:8-0.4]
set ylabel "speedup"
set yrange [0.5:12.0094]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s2 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s2 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s2 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over convjit blocked", \
     $s2 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s2 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN any", \
     $s2 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s2 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over oneDNN nchw", \
     $s2 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s2 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over im2col+BLAS", \
     $s2 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s2 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over naive", \
     $s2 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle, \
     $s2 using 1:9:($1-0.35):($1+0.35):(1):($9) with boxxyerror lc rgb "#8c564b" title "over OpenCV", \
     $s2 using 1:9:(sprintf("%.2f", $9)) with labels offset 0,0.6 font ",7" notitle
$s3 << EOD
0 "image3x3" NaN NaN NaN NaN NaN NaN 7.1854
1 "small_strided" NaN NaN NaN NaN 5.60073 NaN NaN
2 "tiny" NaN NaN NaN NaN NaN 2.99956 NaN
3 "im2col50" NaN NaN NaN NaN NaN NaN 5.35995
4 "im2col250" NaN NaN NaN NaN NaN NaN 3.02646
5 "im2col1000" NaN NaN NaN NaN NaN NaN 5.65566
6 "batch1000" NaN NaN NaN NaN 14.8259 NaN NaN
7 "batch30000" NaN NaN NaN NaN 13.7289 NaN NaN
EOD
set title "seeds f64, 2 threads"
set xrange [-0.6:8-0.4]
set ylabel "speedup"
set yrange [0.5:22.2389]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s3 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s3 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s3 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over convjit blocked", \
     $s3 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s3 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN any", \
     $s3 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s3 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over oneDNN nchw", \
     $s3 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s3 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over im2col+BLAS", \
     $s3 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s3 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over naive", \
     $s3 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle, \
     $s3 using 1:9:($1-0.35):($1+0.35):(1):($9) with boxxyerror lc rgb "#8c564b" title "over OpenCV", \
     $s3 using 1:9:(sprintf("%.2f", $9)) with labels offset 0,0.6 font ",7" notitle
$s4 << EOD
0 "conv1" NaN NaN 0.934146 NaN NaN NaN NaN
1 "res2a_branch1*4" NaN NaN 1.00665 NaN NaN NaN NaN
2 "res2a_branch2a" NaN NaN 1.02018 NaN NaN NaN NaN
3 "res2a_branch2b*3" NaN NaN 0.95879 NaN NaN NaN NaN
4 "res2b_branch2a*2" NaN NaN NaN 1.01678 NaN NaN NaN
5 "res3a_branch1" NaN NaN 0.855676 NaN NaN NaN NaN
6 "res3a_branch2a" NaN NaN 0.840007 NaN NaN NaN NaN
7 "res3a_branch2b*4" NaN NaN 0.920732 NaN NaN NaN NaN
8 "res3a_branch2c*4" NaN NaN NaN 1.00185 NaN NaN NaN
9 "res3b_branch2a*3" NaN NaN 0.971075 NaN NaN NaN NaN
10 "res4a_branch1" NaN NaN 0.91599 NaN NaN NaN NaN
11 "res4a_branch2a" NaN NaN 0.727181 NaN NaN NaN NaN
12 "res4a_branch2b*6" NaN NaN 0.880376 NaN NaN NaN NaN
13 "res4a_branch2c*6" NaN NaN 0.925258 NaN NaN NaN NaN
14 "res4b_branch2a*5" NaN NaN 0.90844 NaN NaN NaN NaN
15 "res5a_branch1" NaN NaN 0.942977 NaN NaN NaN NaN
16 "res5a_branch2a" NaN NaN 0.812887 NaN NaN NaN NaN
17 "res5a_branch2b*3" NaN NaN 0.841572 NaN NaN NaN NaN
18 "res5a_branch2c*3" NaN NaN 0.954558 NaN NaN NaN NaN
19 "res5b_branch2a*2" NaN NaN 0.980911 NaN NaN NaN NaN
EOD
set title "resnet50 f32, 1 thread"
set xrange [-0.6:20-0.4]
set ylabel "speedup"
set yrange [0.484787:2]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s4 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s4 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s4 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over convjit blocked", \
     $s4 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s4 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN any", \
     $s4 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s4 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over oneDNN nchw", \
     $s4 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s4 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over im2col+BLAS", \
     $s4 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s4 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over naive", \
     $s4 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle, \
     $s4 using 1:9:($1-0.35):($1+0.35):(1):($9) with boxxyerror lc rgb "#8c564b" title "over OpenCV", \
     $s4 using 1:9:(sprintf("%.2f", $9)) with labels offset 0,0.6 font ",7" notitle
$s5 << EOD
0 "conv1" NaN NaN 0.864482 NaN NaN NaN NaN
1 "res2a_branch1*4" NaN NaN 0.963775 NaN NaN NaN NaN
2 "res2a_branch2a" NaN NaN 1.04493 NaN NaN NaN NaN
3 "res2a_branch2b*3" NaN NaN 0.978918 NaN NaN NaN NaN
4 "res2b_branch2a*2" NaN NaN 0.971404 NaN NaN NaN NaN
5 "res3a_branch1" NaN NaN 0.858372 NaN NaN NaN NaN
6 "res3a_branch2a" NaN NaN 0.838923 NaN NaN NaN NaN
7 "res3a_branch2b*4" NaN NaN 0.926915 NaN NaN NaN NaN
8 "res3a_branch2c*4" NaN NaN 0.934347 NaN NaN NaN NaN
9 "res3b_branch2a*3" NaN NaN 0.927572 NaN NaN NaN NaN
10 "res4a_branch1" NaN NaN 0.9134 NaN NaN NaN NaN
11 "res4a_branch2a" NaN NaN 0.721344 NaN NaN NaN NaN
12 "res4a_branch2b*6" NaN NaN 0.882776 NaN NaN NaN NaN
13 "res4a_branch2c*6" NaN NaN 0.481711 NaN NaN NaN NaN
14 "res4b_branch2a*5" NaN NaN 0.831717 NaN NaN NaN NaN
15 "res5a_branch1" NaN NaN 0.906719 NaN NaN NaN NaN
16 "res5a_branch2a" NaN NaN 0.777829 NaN NaN NaN NaN
17 "res5a_branch2b*3" NaN NaN 0.747888 NaN NaN NaN NaN
18 "res5a_branch2c*3" NaN NaN 0.884768 NaN NaN NaN NaN
19 "res5b_branch2a*2" NaN NaN 0.98058 NaN NaN NaN NaN
EOD
set title "resnet50 f32, 2 threads"
set xrange [-0.6:20-0.4]
set ylabel "speedup"
set yrange [0.321141:2]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s5 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s5 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s5 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over convjit blocked", \
     $s5 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s5 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN any", \
     $s5 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s5 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over oneDNN nchw", \
     $s5 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s5 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over im2col+BLAS", \
     $s5 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s5 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over naive", \
     $s5 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle, \
     $s5 using 1:9:($1-0.35):($1+0.35):(1):($9) with boxxyerror lc rgb "#8c564b" title "over OpenCV", \
     $s5 using 1:9:(sprintf("%.2f", $9)) with labels offset 0,0.6 font ",7" notitle
$s6 << EOD
0 "conv1*3" NaN NaN 0.8409 NaN NaN NaN NaN
1 "conv2*4" NaN NaN 1.0155 NaN NaN NaN NaN
2 "conv3*4" NaN NaN 1.00127 NaN NaN NaN NaN
3 "conv4*4" NaN NaN 1.00902 NaN NaN NaN NaN
4 "conv5*4" NaN NaN 0.988453 NaN NaN NaN NaN
5 "conv6*4" NaN NaN 1.00475 NaN NaN NaN NaN
6 "conv7*4" NaN NaN 0.927992 NaN NaN NaN NaN
7 "conv8*20" NaN NaN 0.941286 NaN NaN NaN NaN
8 "conv9*4" NaN NaN 0.935677 NaN NaN NaN NaN
9 "conv10*4" NaN NaN 0.963658 NaN NaN NaN NaN
10 "conv11*4" NaN NaN NaN 1.53128 NaN NaN NaN
EOD
set title "mobilenet f32, 1 thread"
set xrange [-0.6:11-0.4]
set ylabel "speedup"
set yrange [0.5:2.29692]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s6 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s6 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s6 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over convjit blocked", \
     $s6 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s6 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN any", \
     $s6 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s6 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over oneDNN nchw", \
     $s6 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s6 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over im2col+BLAS", \
     $s6 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s6 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over naive", \
     $s6 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle, \
     $s6 using 1:9:($1-0.35):($1+0.35):(1):($9) with boxxyerror lc rgb "#8c564b" title "over OpenCV", \
     $s6 using 1:9:(sprintf("%.2f", $9)) with labels offset 0,0.6 font ",7" notitle
$s7 << EOD
0 "conv1*3" NaN NaN 0.790316 NaN NaN NaN NaN
1 "conv2*4" NaN NaN 1.05731 NaN NaN NaN NaN
2 "conv3*4" NaN NaN 1.01239 NaN NaN NaN NaN
3 "conv4*4" NaN NaN 0.960221 NaN NaN NaN NaN
4 "conv5*4" NaN NaN 0.952439 NaN NaN NaN NaN
5 "conv6*4" NaN NaN 0.954869 NaN NaN NaN NaN
6 "conv7*4" NaN NaN 0.469432 NaN NaN NaN NaN
7 "conv8*20" NaN NaN 0.470025 NaN NaN NaN NaN
8 "conv9*4" NaN NaN 0.758816 NaN NaN NaN NaN
9 "conv10*4" NaN NaN 0.809574 NaN NaN NaN NaN
10 "conv11*4" NaN NaN NaN 1.55523 NaN NaN NaN
EOD
set title "mobilenet f32, 2 threads"
set xrange [-0.6:11-0.4]
set ylabel "speedup"
set yrange [0.312955:2.33285]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s7 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s7 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s7 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over convjit blocked", \
     $s7 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s7 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN any", \
     $s7 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s7 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over oneDNN nchw", \
     $s7 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s7 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over im2col+BLAS", \
     $s7 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s7 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over naive", \
     $s7 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle, \
     $s7 using 1:9:($1-0.35):($1+0.35):(1):($9) with boxxyerror lc rgb "#8c564b" title "over OpenCV", \
     $s7 using 1:9:(sprintf("%.2f", $9)) with labels offset 0,0.6 font ",7" notitle
$s8 << EOD
0 "conv2_1/dw" NaN NaN 0.788917 NaN NaN NaN NaN
1 "conv2_2/dw" NaN NaN 0.227084 NaN NaN NaN NaN
2 "conv3_1/dw" NaN NaN 0.491078 NaN NaN NaN NaN
3 "conv3_2/dw" NaN NaN 0.154408 NaN NaN NaN NaN
4 "conv4_1/dw" NaN NaN 0.323011 NaN NaN NaN NaN
5 "conv4_2/dw" NaN NaN 0.296612 NaN NaN NaN NaN
6 "conv5_1/dw" NaN NaN 0.301853 NaN NaN NaN NaN
7 "conv5_6/dw" NaN NaN 0.169505 NaN NaN NaN NaN
8 "conv6/dw" NaN NaN 0.217026 NaN NaN NaN NaN
EOD
set title "mobilenet_dw f32, 1 thread"
set xrange [-0.6:9-0.4]
set ylabel "speedup"
set yrange [0.102939:2]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s8 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s8 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s8 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over convjit blocked", \
     $s8 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s8 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN any", \
     $s8 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s8 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over oneDNN nchw", \
     $s8 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s8 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over im2col+BLAS", \
     $s8 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s8 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over naive", \
     $s8 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle, \
     $s8 using 1:9:($1-0.35):($1+0.35):(1):($9) with boxxyerror lc rgb "#8c564b" title "over OpenCV", \
     $s8 using 1:9:(sprintf("%.2f", $9)) with labels offset 0,0.6 font ",7" notitle
$s9 << EOD
0 "conv2_1/dw" NaN NaN 0.648095 NaN NaN NaN NaN
1 "conv2_2/dw" NaN NaN 0.230244 NaN NaN NaN NaN
2 "conv3_1/dw" NaN NaN 0.533409 NaN NaN NaN NaN
3 "conv3_2/dw" NaN NaN 0.159849 NaN NaN NaN NaN
4 "conv4_1/dw" NaN NaN 0.326948 NaN NaN NaN NaN
5 "conv4_2/dw" NaN NaN 0.165472 NaN NaN NaN NaN
6 "conv5_1/dw" NaN NaN 0.175797 NaN NaN NaN NaN
7 "conv5_6/dw" NaN NaN 0.175387 NaN NaN NaN NaN
8 "conv6/dw" NaN NaN 0.229981 NaN NaN NaN NaN
EOD
set title "mobilenet_dw f32, 2 threads"
set xrange [-0.6:9-0.4]
set ylabel "speedup"
set yrange [0.106566:2]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s9 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s9 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s9 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over convjit blocked", \
     $s9 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s9 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN any", \
     $s9 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s9 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over oneDNN nchw", \
     $s9 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s9 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over im2col+BLAS", \
     $s9 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s9 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over naive", \
     $s9 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle, \
     $s9 using 1:9:($1-0.35):($1+0.35):(1):($9) with boxxyerror lc rgb "#8c564b" title "over OpenCV", \
     $s9 using 1:9:(sprintf("%.2f", $9)) with labels offset 0,0.6 font ",7" notitle
$s10 << EOD
0 "tensors(1000)" NaN NaN 8.6939 NaN NaN NaN NaN
1 "batch(30060)" NaN NaN 7.82319 NaN NaN NaN NaN
EOD
set title "ragged f32, 1 thread"
set xrange [-0.6:2-0.4]
set ylabel "speedup"
set yrange [0.5:13.0409]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s10 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s10 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s10 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over convjit blocked", \
     $s10 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s10 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN any", \
     $s10 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s10 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over oneDNN nchw", \
     $s10 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s10 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over im2col+BLAS", \
     $s10 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s10 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over naive", \
     $s10 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle, \
     $s10 using 1:9:($1-0.35):($1+0.35):(1):($9) with boxxyerror lc rgb "#8c564b" title "over OpenCV", \
     $s10 using 1:9:(sprintf("%.2f", $9)) with labels offset 0,0.6 font ",7" notitle
$s11 << EOD
0 "tensors(1000)" NaN NaN 9.23936 NaN NaN NaN NaN
1 "batch(30060)" NaN NaN 6.19501 NaN NaN NaN NaN
EOD
set title "ragged f32, 2 threads"
set xrange [-0.6:2-0.4]
set ylabel "speedup"
set yrange [0.5:13.859]
plot 1 with lines lc rgb "black" dt 2 notitle, \
     $s11 using 1:3:($1-0.35):($1+0.35):(1):($3):xtic(2) with boxxyerror lc rgb "#1f77b4" title "over convjit nhwc", \
     $s11 using 1:3:(sprintf("%.2f", $3)) with labels offset 0,0.6 font ",7" notitle, \
     $s11 using 1:4:($1-0.35):($1+0.35):(1):($4) with boxxyerror lc rgb "#17becf" title "over convjit blocked", \
     $s11 using 1:4:(sprintf("%.2f", $4)) with labels offset 0,0.6 font ",7" notitle, \
     $s11 using 1:5:($1-0.35):($1+0.35):(1):($5) with boxxyerror lc rgb "#2ca02c" title "over oneDNN any", \
     $s11 using 1:5:(sprintf("%.2f", $5)) with labels offset 0,0.6 font ",7" notitle, \
     $s11 using 1:6:($1-0.35):($1+0.35):(1):($6) with boxxyerror lc rgb "#7f7f7f" title "over oneDNN nchw", \
     $s11 using 1:6:(sprintf("%.2f", $6)) with labels offset 0,0.6 font ",7" notitle, \
     $s11 using 1:7:($1-0.35):($1+0.35):(1):($7) with boxxyerror lc rgb "#9467bd" title "over im2col+BLAS", \
     $s11 using 1:7:(sprintf("%.2f", $7)) with labels offset 0,0.6 font ",7" notitle, \
     $s11 using 1:8:($1-0.35):($1+0.35):(1):($8) with boxxyerror lc rgb "#ff7f0e" title "over naive", \
     $s11 using 1:8:(sprintf("%.2f", $8)) with labels offset 0,0.6 font ",7" notitle, \
     $s11 using 1:9:($1-0.35):($1+0.35):(1):($9) with boxxyerror lc rgb "#8c564b" title "over OpenCV", \
     $s11 using 1:9:(sprintf("%.2f", $9)) with labels offset 0,0.6 font ",7" notitle
unset multiplot
