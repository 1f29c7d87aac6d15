package dev.slipway.serve;
