const { src, dest, parallel } = require('gulp');

// gulp 5 reads files as UTF-8 unless told otherwise, which corrupts PNG icons.
function copyIcons(folder) {
	const copy = () =>
		src(`${folder}/**/*.{png,svg}`, { encoding: false }).pipe(dest(`dist/${folder}`));
	copy.displayName = `copy ${folder} icons`;
	return copy;
}

exports['build:icons'] = parallel(copyIcons('nodes'), copyIcons('credentials'));
